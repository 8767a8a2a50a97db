package dev.jaxj.compiler.kernel;

import dev.jaxj.errors.BackendError;
import dev.jaxj.ir.Atom;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Eqn;
import dev.jaxj.ir.Jaxpr;
import dev.jaxj.ir.Lit;
import dev.jaxj.ir.Primitive;
import dev.jaxj.ir.Primitive.*;
import dev.jaxj.ir.Shape;
import dev.jaxj.ir.ShapedArray;
import dev.jaxj.ir.SourceInfo;
import dev.jaxj.ir.Var;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a program so that backends compute only in their own types: the one mechanism by
 * which jaxj has storage and complex dtypes without a kernel per dtype.
 * <ul>
 *   <li>A primitive on a storage type (bf16, f16, i8, u8, i16, u16) computes in its compute
 *       type ({@link DType#computeType()}) between conversions: its operands are widened
 *       exactly and each result is rounded once, as XLA on a CPU does. u64 computes in i64,
 *       its own bits, with the operations that read the sign rewritten ({@link UnsignedLowering}).</li>
 *   <li>A primitive on complex numbers becomes primitives on their real and imaginary parts.
 *       A complex array is read as its parts through {@link ViewAsReal} (no copy) and strided
 *       slices, and a complex result is assembled by a concatenation seen through
 *       {@link ViewAsComplex}; fusion turns those moves into loads and stores.</li>
 * </ul>
 * Conversions and loops keep their types (their programs are lowered on their own), so
 * backends see storage types only in conversions and complex types only in views.
 * {@snippet :
 * Jaxpr lowered = TypeLowering.lower(jaxpr);   // jaxpr itself when it has no such types
 * }
 * Complex division is Smith's algorithm with C99's fix-ups for zeros and infinities, as XLA
 * expands it; {@code abs} scales by the larger part so that it neither overflows nor underflows
 * before the square root. Products and running products of complex numbers are trees and scans
 * of complex multiplies on static slices, so no backend needs a complex monoid.
 */
public final class TypeLowering {
    private final List<Eqn> eqns = new ArrayList<>();
    private final Map<Var, Parts> parts = new HashMap<>();
    private final Map<Var, Atom> renamed = new HashMap<>();
    private int nextId;
    private SourceInfo where = SourceInfo.UNKNOWN;
    private final UnsignedLowering unsigned = new UnsignedLowering(this);

    /** A complex value as two real arrays of its shape; {@code whole} is the complex array itself where one exists. */
    private record Parts(Atom re, Atom im, Option<Atom> whole) {}

    private TypeLowering(Jaxpr j) {
        nextId = j.maxVarId() + 1;
    }

    /** {@return {@code j} computing in compute types only} (itself when it has nothing to lower) */
    public static Jaxpr lower(Jaxpr j) {
        if (!needsLowering(j)) return j;
        return new TypeLowering(j).run(j);
    }

    private static boolean lowered(DType d) {
        return d.isComputeType() && !d.isComplex();
    }

    private static boolean needsLowering(Jaxpr j) {
        if (!j.inVars().appendAll(j.constVars()).forAll(v -> lowered(v.aval().dtype()))) return true;
        for (Eqn e : j.eqns()) {
            if (!e.out().forAll(v -> lowered(v.aval().dtype())) || !e.in().forAll(a -> lowered(a.aval().dtype()))) return true;
            if (e.prim() instanceof ControlFlow cf && cf.jaxprs().exists(TypeLowering::needsLowering)) return true;
        }
        return false;
    }

    private Jaxpr run(Jaxpr j) {
        for (Eqn e : j.eqns()) {
            where = e.where();
            lowerEqn(e);
        }
        Seq<Atom> outs = j.outs().map(a -> a.aval().dtype().isComplex() ? whole(a) : resolve(a));
        return new Jaxpr(j.constVars(), j.inVars(), Vector.ofAll(eqns), outs);
    }

    private void lowerEqn(Eqn e) {
        Primitive p = e.prim();
        // Fast Fourier transforms, eig and the scatters that multiply or order complex numbers: native
        // complex kernels, so their complex operands and results stay whole. (A complex product or
        // order does not split into separate scatters of the parts.)
        boolean combinesComplex = p instanceof ScatterMul || p instanceof ScatterMin || p instanceof ScatterMax;
        if (p instanceof Fft || p instanceof Eig || combinesComplex && e.in().head().aval().dtype().isComplex()) {
            emitAs(p, e.in().map(this::whole), e.out());
            return;
        }
        if (p instanceof ControlFlow cf) {
            Seq<Jaxpr> bodies = cf.jaxprs().map(TypeLowering::lower);
            emitAs(cf.withJaxprs(bodies), e.in().map(this::whole), e.out());
            return;
        }
        boolean complex = e.in().appendAll(e.out()).exists(a -> a.aval().dtype().isComplex());
        if (complex) {
            complexEqn(e);
            return;
        }
        if (p instanceof ConvertElementType c && NarrowingOnce.needed(e.in().head().aval().dtype(), c.newDtype())) {
            renamed.put(e.out().head(), NarrowingOnce.convert(this::emit1, resolve(e.in().head()), c));
            return;
        }
        boolean narrow = e.in().appendAll(e.out()).exists(a -> !a.aval().dtype().isComputeType());
        if (!narrow || p instanceof ConvertElementType || p instanceof BitcastConvertType) {
            emitAs(p, e.in().map(this::resolve), e.out());
            return;
        }
        storageEqn(e);
    }

    // Storage types -------------------------------------------------------------------------------

    private void storageEqn(Eqn e) {
        Seq<Atom> wide = e.in().map(a -> widen(resolve(a)));
        Primitive p = switch (e.prim()) {
            case Iota io -> new Iota(io.dtype().computeType(), io.shape(), io.dimension());
            case Argmax a -> new Argmax(a.axis(), a.indexDtype().computeType());
            case Argmin a -> new Argmin(a.axis(), a.indexDtype().computeType());
            case DotGeneral d -> new DotGeneral(d.dimensionNumbers(), d.preferredElementType().map(DType::computeType));
            case ConvGeneralDilated c -> new ConvGeneralDilated(c.windowStrides(), c.padding(), c.lhsDilation(), c.rhsDilation(),
                    c.dimensionNumbers(), c.featureGroupCount(), c.batchGroupCount(), c.preferredElementType().map(DType::computeType));
            default -> e.prim();
        };
        Seq<Atom> results = UnsignedLowering.applies(e) ? unsigned.lower(e, p, wide) : Seq.narrow(emit(p, wide));
        for (int i = 0; i < results.size(); i++) narrowInto(e.out().get(i), results.get(i));
    }

    /** {@code target} as {@code r}, rounded to its storage type when it has one. */
    private void narrowInto(Var target, Atom r) {
        if (target.aval().dtype().isComputeType()) renamed.put(target, r);
        else eqns.add(new Eqn(new ConvertElementType(target.aval().dtype(), target.aval().weakType()), Vector.of(r), Vector.of(target), where));
    }

    private Atom widen(Atom a) {
        ShapedArray av = a.aval();
        DType d = av.dtype();
        if (d.isComputeType()) return a;
        // A u64 literal held exactly (a Long) has i64's bits; one held as a double is converted by the kernel, unsigned.
        if (a instanceof Lit l && !(d == DType.U64 && l.value() instanceof Double)) return new Lit(l.value(), new ShapedArray(av.shape(), d.computeType(), av.weakType()));
        return emit1(new ConvertElementType(d.computeType(), av.weakType()), a);
    }

    // Complex numbers ---------------------------------------------------------------------------

    private void complexEqn(Eqn e) {
        Primitive p = e.prim();
        Seq<Atom> in = e.in();
        Var out = e.out().head();
        DType real = out.aval().dtype().realType();
        switch (p) {
            case Add _, Sub _ -> bind(out, emit1(p, re(in.get(0)), re(in.get(1))), emit1(p, im(in.get(0)), im(in.get(1))));
            case Mul _ -> bind(out, mul(part(in.get(0)), part(in.get(1))));
            case Div _ -> bind(out, div(part(in.get(0)), part(in.get(1))));
            case Neg _ -> bind(out, neg(re(in.head())), neg(im(in.head())));
            case Conj _ -> bind(out, re(in.head()), neg(im(in.head())));
            case Real _ -> renamed.put(out, re(in.head()));
            case Imag _ -> renamed.put(out, im(in.head()));
            case Complex _ -> bind(out, resolve(in.get(0)), resolve(in.get(1)));
            case Abs _ -> renamed.put(out, abs(part(in.head())));
            case Exp _ -> bind(out, exp(part(in.head())));
            case Log _ -> bind(out, log(part(in.head())));
            case Log1p _ -> bind(out, log(add(part(in.head()), one(out.aval()))));
            case Expm1 _ -> { Parts z = exp(part(in.head())); bind(out, sub(z.re, full(1, z.re.aval())), z.im); }
            case Sqrt _ -> bind(out, sqrt(part(in.head())));
            case Rsqrt _ -> bind(out, div(one(out.aval()), sqrt(part(in.head()))));
            case Sin _ -> bind(out, sin(part(in.head())));
            case Cos _ -> bind(out, cos(part(in.head())));
            case Tan _ -> bind(out, tan(part(in.head())));
            case Sinh _ -> bind(out, sinh(part(in.head())));
            case Cosh _ -> bind(out, cosh(part(in.head())));
            case Tanh _ -> {
                // tanh z = -i tan(iz)
                Parts w = tan(parts(neg(im(in.head())), re(in.head())));
                bind(out, w.im, neg(w.re));
            }
            case Asin _ -> bind(out, inverse(in.head(), ComplexInverse::asin));
            case Acos _ -> bind(out, inverse(in.head(), ComplexInverse::acos));
            case Atan _ -> bind(out, inverse(in.head(), ComplexInverse::atan));
            case Asinh _ -> bind(out, inverse(in.head(), ComplexInverse::asinh));
            case Acosh _ -> bind(out, inverse(in.head(), ComplexInverse::acosh));
            case Atanh _ -> bind(out, inverse(in.head(), ComplexInverse::atanh));
            case Pow _ -> bind(out, exp(mul(part(in.get(1)), log(part(in.get(0))))));
            case IntegerPow ip -> bind(out, integerPow(part(in.head()), ip.y(), out.aval()));
            case Sign _ -> bind(out, sign(part(in.head())));
            case Eq _ -> renamed.put(out, emit1(new And(), emit1(new Eq(), re(in.get(0)), re(in.get(1))), emit1(new Eq(), im(in.get(0)), im(in.get(1)))));
            case Ne _ -> renamed.put(out, emit1(new Or(), emit1(new Ne(), re(in.get(0)), re(in.get(1))), emit1(new Ne(), im(in.get(0)), im(in.get(1)))));
            case SelectN _ -> {
                Atom which = resolve(in.head());
                bind(out, emit1(p, Vector.of(which).appendAll(in.tail().map(this::re))), emit1(p, Vector.of(which).appendAll(in.tail().map(this::im))));
            }
            case Max _, Min _ -> bind(out, asParts(order().pick(reIm(in.get(0)), reIm(in.get(1)), p instanceof Max)));
            case ReduceMax r -> bind(out, asParts(order().reduce(reIm(in.head()), r.axes(), true)));
            case ReduceMin r -> bind(out, asParts(order().reduce(reIm(in.head()), r.axes(), false)));
            case Cummax c -> bind(out, asParts(order().cumulative(reIm(in.head()), c.axis(), c.reverse(), true)));
            case Cummin c -> bind(out, asParts(order().cumulative(reIm(in.head()), c.axis(), c.reverse(), false)));
            case ReduceWindowMax r -> bind(out, asParts(order().window(reIm(in.head()), r.window(), out.aval().withDType(real), true)));
            case ReduceWindowMin r -> bind(out, asParts(order().window(reIm(in.head()), r.window(), out.aval().withDType(real), false)));
            case Argmax a -> renamed.put(out, order().arg(reIm(in.head()), a.axis(), a.indexDtype(), true));
            case Argmin a -> renamed.put(out, order().arg(reIm(in.head()), a.axis(), a.indexDtype(), false));
            case ConvertElementType c -> convert(c, in.head(), out);
            case ReduceProd r -> bind(out, reduceProd(atShape(part(in.head()), in.head().aval()), in.head().aval(), r.axes()));
            case Cumprod c -> bind(out, cumprod(atShape(part(in.head()), out.aval()), c.axis(), c.reverse()));
            case Sort s -> sort(s, in, e.out());
            case Copy _, StopGradient _, BroadcastInDim _, Reshape _, Transpose _, Squeeze _, ExpandDims _, Rev _, Slice _,
                 Concatenate _, ReduceSum _, Cumsum _, ReduceWindowSum _ ->
                    bind(out, emit1(p, in.map(this::re)), emit1(p, in.map(this::im)));
            case Pad _ -> bind(out, emit1(p, re(in.get(0)), re(in.get(1))), emit1(p, im(in.get(0)), im(in.get(1))));
            case DynamicSlice _ -> bind(out, emit1(p, Vector.of(re(in.head())).appendAll(in.tail().map(this::resolve))),
                    emit1(p, Vector.of(im(in.head())).appendAll(in.tail().map(this::resolve))));
            case DynamicUpdateSlice _ -> bind(out,
                    emit1(p, Vector.of(re(in.get(0)), re(in.get(1))).appendAll(in.drop(2).map(this::resolve))),
                    emit1(p, Vector.of(im(in.get(0)), im(in.get(1))).appendAll(in.drop(2).map(this::resolve))));
            case Gather _ -> bind(out, emit1(p, re(in.get(0)), resolve(in.get(1))), emit1(p, im(in.get(0)), resolve(in.get(1))));
            case Scatter _, ScatterAdd _ -> bind(out, emit1(p, re(in.get(0)), resolve(in.get(1)), re(in.get(2))),
                    emit1(p, im(in.get(0)), resolve(in.get(1)), im(in.get(2))));
            case Iota io -> {
                Atom r = emit1(new Iota(real, io.shape(), io.dimension()));
                bind(out, r, zeros(r.aval()));
            }
            case DotGeneral d -> bind(out, bilinear(new DotGeneral(d.dimensionNumbers(), d.preferredElementType().map(DType::realType)), in));
            case ConvGeneralDilated c -> bind(out, bilinear(new ConvGeneralDilated(c.windowStrides(), c.padding(), c.lhsDilation(), c.rhsDilation(),
                    c.dimensionNumbers(), c.featureGroupCount(), c.batchGroupCount(), c.preferredElementType().map(DType::realType)), in));
            // A complex value made here may exist only as its parts: assemble its storage before viewing it.
            case ViewAsReal _ -> emitAs(p, Vector.of(whole(in.head())), e.out());
            case ViewAsComplex _ -> emitAs(p, in.map(this::resolve), e.out());
            default -> throw new BackendError(p.name(), "does not compute with complex numbers yet, got "
                    + in.map(Atom::aval).mkString(", "), e.where(), null);
        }
    }

    private void convert(ConvertElementType c, Atom x, Var out) {
        DType from = x.aval().dtype(), to = c.newDtype();
        if (from.isComplex() && to.isComplex()) {
            bind(out, convertPart(re(x), to.realType()), convertPart(im(x), to.realType()));
        } else if (from.isComplex() && to.isBool()) {
            renamed.put(out, emit1(new Or(), nonzero(re(x)), nonzero(im(x))));
        } else if (from.isComplex()) {
            // As JAX does (with a warning there): a complex number converts to a real type through its real part.
            ConvertElementType toReal = new ConvertElementType(to, c.weakType());
            renamed.put(out, NarrowingOnce.needed(from.realType(), to) ? NarrowingOnce.convert(this::emit1, re(x), toReal) : emit1(toReal, re(x)));
        } else {
            Atom r = convertPart(resolve(x), to.realType());
            bind(out, r, zeros(r.aval()));
        }
    }

    private Atom convertPart(Atom x, DType to) {
        return x.aval().dtype() == to ? x : emit1(new ConvertElementType(to, false), x);
    }

    private Atom nonzero(Atom x) {
        return emit1(new Ne(), x, full(0, x.aval()));
    }

    /** (a + ib)(c + id) for a bilinear product: dots or convolutions. */
    private Parts bilinear(Primitive product, Seq<Atom> in) {
        Parts a = part(in.get(0)), b = part(in.get(1));
        Atom rr = emit1(product, a.re, b.re), ii = emit1(product, a.im, b.im);
        Atom ri = emit1(product, a.re, b.im), ir = emit1(product, a.im, b.re);
        return parts(emit1(new Sub(), rr, ii), emit1(new Add(), ri, ir));
    }

    private Parts mul(Parts a, Parts b) {
        return parts(sub(mul(a.re, b.re), mul(a.im, b.im)), add(mul(a.re, b.im), mul(a.im, b.re)));
    }

    private Parts div(Parts x, Parts y) {
        return new ComplexDivision(this::emit1).divide(x.re, x.im, y.re, y.im, TypeLowering::parts);
    }

    private Parts add(Parts a, Parts b) {
        return parts(add(a.re, b.re), add(a.im, b.im));
    }

    /** |z|, as m · sqrt((re/m)² + (im/m)²) with m the larger magnitude (0 where z = 0, inf where a part is). */
    private Atom abs(Parts z) {
        Atom ar = emit1(new Abs(), z.re), ai = emit1(new Abs(), z.im);
        Atom m = emit1(new Max(), ar, ai);
        Atom safe = emit1(new SelectN(), emit1(new Eq(), m, full(0, m.aval())), m, full(1, m.aval()));
        Atom x = emit1(new Div(), ar, safe), y = emit1(new Div(), ai, safe);
        Atom r = mul(m, emit1(new Sqrt(), add(mul(x, x), mul(y, y))));
        // An infinite part makes |z| infinite even beside a NaN, as C's hypot does.
        Atom inf = emit1(new Or(), emit1(new Eq(), ar, full(Double.POSITIVE_INFINITY, ar.aval())), emit1(new Eq(), ai, full(Double.POSITIVE_INFINITY, ai.aval())));
        return emit1(new SelectN(), inf, r, full(Double.POSITIVE_INFINITY, r.aval()));
    }

    private Parts exp(Parts z) {
        Atom e = emit1(new Exp(), z.re);
        return parts(mul(e, emit1(new Cos(), z.im)), mul(e, emit1(new Sin(), z.im)));
    }

    private Parts log(Parts z) {
        return parts(emit1(new Log(), abs(z)), emit1(new Atan2(), z.im, z.re));
    }

    /** The principal root: re = sqrt((|z| + x) / 2), im = ±sqrt((|z| - x) / 2) with the sign of y (of -0 too, as C's csqrt). */
    private Parts sqrt(Parts z) {
        Atom r = abs(z);
        Atom half = full(0.5, r.aval());
        Atom u = emit1(new Sqrt(), mul(add(r, z.re), half));
        Atom v = emit1(new Sqrt(), mul(emit1(new Max(), sub(r, z.re), full(0, r.aval())), half));
        // The sign of y, -0 included (the cut's lower side): atan2(y, -1) is negative exactly then.
        Atom negative = emit1(new Lt(), emit1(new Atan2(), z.im, full(-1, r.aval())), full(0, r.aval()));
        return parts(u, emit1(new SelectN(), negative, v, neg(v)));
    }

    private Parts inverse(Atom z, ComplexInverse.Function f) {
        Parts p = part(z);
        return asParts(f.apply(new ComplexInverse(this::emit1, (a, b) -> abs(parts(a, b)), p.re.aval()), p.re, p.im));
    }

    private ComplexOrder order() {
        return new ComplexOrder(this::emit1);
    }

    private RealOps.ReIm reIm(Atom z) {
        Parts p = part(z);
        return new RealOps.ReIm(p.re, p.im);
    }

    private static Parts asParts(RealOps.ReIm z) {
        return parts(z.re(), z.im());
    }

    private Parts sin(Parts z) {
        return parts(mul(emit1(new Sin(), z.re), emit1(new Cosh(), z.im)), mul(emit1(new Cos(), z.re), emit1(new Sinh(), z.im)));
    }

    private Parts cos(Parts z) {
        return parts(mul(emit1(new Cos(), z.re), emit1(new Cosh(), z.im)), neg(mul(emit1(new Sin(), z.re), emit1(new Sinh(), z.im))));
    }

    /**
     * tan(x + iy) by Kahan's formula, with {@code t = tan x}, {@code s = sinh y}, {@code β = 1 + t²}:
     * {@code (t + i β s sqrt(1 + s²)) / (1 + β s²)}. Unlike sin z / cos z it neither cancels nor
     * overflows: for |y| > 1 it is evaluated divided through by s², so that large |y| gives
     * ±0 + i·sign(y).
     */
    private Parts tan(Parts z) {
        Atom t = emit1(new Tan(), z.re), s = emit1(new Sinh(), z.im);
        Atom one = full(1, t.aval().strong());
        Atom beta = add(one, mul(t, t));
        Atom s2 = mul(s, s);
        Atom denominator = add(one, mul(beta, s2));
        Atom reNear = emit1(new Div(), t, denominator);
        Atom imNear = emit1(new Div(), mul(beta, mul(s, emit1(new Sqrt(), add(one, s2)))), denominator);
        Atom inverse = emit1(new Div(), one, s2);
        Atom scaled = add(inverse, beta);
        Atom reFar = emit1(new Div(), mul(t, inverse), scaled);
        Atom imFar = emit1(new Div(), mul(beta, mul(emit1(new Sign(), s), emit1(new Sqrt(), add(one, inverse)))), scaled);
        Atom far = emit1(new Gt(), emit1(new Abs(), z.im), one);
        return parts(emit1(new SelectN(), far, reNear, reFar), emit1(new SelectN(), far, imNear, imFar));
    }

    private Parts sinh(Parts z) {
        return parts(mul(emit1(new Sinh(), z.re), emit1(new Cos(), z.im)), mul(emit1(new Cosh(), z.re), emit1(new Sin(), z.im)));
    }

    private Parts cosh(Parts z) {
        return parts(mul(emit1(new Cosh(), z.re), emit1(new Cos(), z.im)), mul(emit1(new Sinh(), z.re), emit1(new Sin(), z.im)));
    }

    private Parts sign(Parts z) {
        Atom r = abs(z);
        Atom zero = emit1(new Eq(), r, full(0, r.aval()));
        Atom safe = emit1(new SelectN(), zero, r, full(1, r.aval()));
        return parts(emit1(new Div(), z.re, safe), emit1(new Div(), z.im, safe));
    }

    /** z^y by repeated squaring; a negative y inverts the positive power. */
    private Parts integerPow(Parts z, int y, ShapedArray complexAval) {
        Parts result = one(complexAval), base = z;
        for (int k = Math.abs(y); k > 0; k >>= 1) {
            if ((k & 1) != 0) result = mul(result, base);
            if (k > 1) base = mul(base, base);
        }
        return y < 0 ? div(one(complexAval), result) : result;
    }

    /** The product over {@code axes}: moved last and flattened, then halved log2(n) times by complex multiplies. */
    private Parts reduceProd(Parts z, ShapedArray av, Seq<Integer> axes) {
        Seq<Integer> kept = Vector.range(0, av.rank()).filter(i -> !axes.contains(i));
        Shape keptShape = Shape.of(kept.map(av.shape()::dim));
        int n = axes.map(av.shape()::dim).fold(1, (a, b) -> a * b);
        if (n == 0) return one(av.withShape(keptShape));
        int axis = keptShape.rank();
        Parts v = each(new Reshape(keptShape.insert(axis, n)), each(new Transpose(kept.appendAll(axes)), z));
        while (n > 1) {
            int half = n / 2;
            Parts pairs = mul(slice(v, axis, 0, half), slice(v, axis, half, 2 * half));
            v = n % 2 == 0 ? pairs : concatenate(axis, pairs, slice(v, axis, 2 * half, n));
            n = half + n % 2;
        }
        return each(new Reshape(keptShape), v);
    }

    /** The inclusive running product along {@code axis} as a Hillis–Steele scan: log2(n) rounds of {@code v[i] *= v[i - offset]}. */
    private Parts cumprod(Parts v, int axis, boolean reverse) {
        Rev flip = new Rev(Vector.of(axis));
        if (reverse) return each(flip, cumprod(each(flip, v), axis, false));
        int n = v.re.aval().shape().dim(axis);
        for (int offset = 1; offset < n; offset *= 2) {
            Parts tail = mul(slice(v, axis, offset, n), slice(v, axis, 0, n - offset));
            v = concatenate(axis, slice(v, axis, 0, offset), tail);
        }
        return v;
    }

    /** Sorts with each complex operand split into its parts, a complex key into two keys: JAX's lexicographic order. */
    private void sort(Sort s, Seq<Atom> in, Seq<Var> out) {
        Vector<Atom> operands = Vector.empty();
        int keys = 0;
        for (int i = 0; i < in.size(); i++) {
            Atom a = in.get(i);
            boolean complex = a.aval().dtype().isComplex();
            operands = complex ? operands.append(re(a)).append(im(a)) : operands.append(widen(resolve(a)));
            if (i < s.numKeys()) keys += complex ? 2 : 1;
        }
        Seq<Var> sorted = emit(new Sort(s.dimension(), s.isStable(), keys), operands);
        int j = 0;
        for (Var target : out) {
            if (target.aval().dtype().isComplex()) {
                bind(target, sorted.get(j), sorted.get(j + 1));
                j += 2;
            } else {
                narrowInto(target, sorted.get(j++));
            }
        }
    }

    private Parts each(Primitive p, Parts z) {
        return parts(emit1(p, z.re), emit1(p, z.im));
    }

    private Parts slice(Parts z, int axis, int lo, int hi) {
        ShapedArray av = z.re.aval();
        Seq<Integer> start = Vector.fill(av.rank(), 0).update(axis, lo);
        Seq<Integer> limit = Vector.ofAll(av.shape().toSeq()).update(axis, hi);
        return each(new Slice(start, limit, Vector.fill(av.rank(), 1)), z);
    }

    private Parts concatenate(int axis, Parts a, Parts b) {
        Concatenate c = new Concatenate(axis);
        return parts(emit1(c, a.re, b.re), emit1(c, a.im, b.im));
    }

    private Parts atShape(Parts z, ShapedArray like) {
        return parts(atShape(z.re, like), atShape(z.im, like));
    }

    private Parts one(ShapedArray complexAval) {
        ShapedArray real = complexAval.withDType(complexAval.dtype().realType());
        return parts(full(1, real), full(0, real));
    }

    private Atom add(Atom a, Atom b) { return emit1(new Add(), a, b); }

    Atom sub(Atom a, Atom b) { return emit1(new Sub(), a, b); }

    Atom mul(Atom a, Atom b) { return emit1(new Mul(), a, b); }

    private Atom neg(Atom a) { return emit1(new Neg(), a); }

    private static Parts parts(Atom re, Atom im) {
        return new Parts(re, im, Option.none());
    }

    /** A literal {@code v} of {@code aval}'s dtype, broadcast to its shape when that is not rank 0. */
    Atom full(double v, ShapedArray aval) {
        return ((Emitter) this::emit1).full(v, aval);
    }

    /** {@link #full} of an integer given exactly (a double has no 2^63). */
    Atom fullExact(long v, ShapedArray aval) {
        return ((Emitter) this::emit1).fullExact(v, aval);
    }

    private Atom zeros(ShapedArray aval) {
        return full(0, aval.strong());
    }

    // Reading and writing complex values -----------------------------------------------------------

    private void bind(Var out, Atom re, Atom im) {
        parts.put(out, parts(re, im));
    }

    private void bind(Var out, Parts p) {
        parts.put(out, p);
    }

    private Atom re(Atom a) { return part(a).re; }

    private Atom im(Atom a) { return part(a).im; }

    /** {@return the parts of a complex atom}, read out of its storage the first time a complex array is met */
    private Parts part(Atom a) {
        if (a instanceof Lit l) {
            ShapedArray real = new ShapedArray(Shape.SCALAR, l.aval().dtype().realType(), l.aval().weakType());
            return parts(new Lit(l.doubleValue(), real), new Lit(0.0, real));
        }
        Var v = (Var) a;
        Parts known = parts.get(v);
        if (known != null) return known;
        ShapedArray av = v.aval();
        int rank = av.rank();
        Atom pairs = emit1(new ViewAsReal(), v);
        Seq<Integer> start = Vector.fill(rank + 1, 0), step = Vector.fill(rank + 1, 1);
        Seq<Integer> limit = Vector.ofAll(av.shape().toSeq()).append(1);
        Reshape drop = new Reshape(av.shape());
        Atom re = emit1(drop, emit1(new Slice(start, limit, step), pairs));
        Atom im = emit1(drop, emit1(new Slice(start.update(rank, 1), limit.update(rank, 2), step), pairs));
        Parts p = new Parts(re, im, Option.some(v));
        parts.put(v, p);
        return p;
    }

    /** {@return the complex array of a complex atom}, assembled from its parts when it has none */
    private Atom whole(Atom a) {
        if (!a.aval().dtype().isComplex()) return resolve(a);
        if (a instanceof Var v && !parts.containsKey(v)) return v;
        Parts p = part(a);
        if (p.whole.isDefined()) return p.whole.get();
        ShapedArray av = a.aval();
        int rank = av.rank();
        ExpandDims last = new ExpandDims(Vector.of(rank));
        Atom re = emit1(last, atShape(p.re, av)), im = emit1(last, atShape(p.im, av));
        return emit1(new ViewAsComplex(), emit1(new Concatenate(rank), re, im));
    }

    private Atom atShape(Atom x, ShapedArray like) {
        if (x.aval().rank() == like.rank()) return x;
        return emit1(new BroadcastInDim(like.shape(), Vector.empty()), x);
    }

    private Atom resolve(Atom a) {
        return a instanceof Var v ? renamed.getOrDefault(v, v) : a;
    }

    // Emitting --------------------------------------------------------------------------------------

    private void emitAs(Primitive p, Seq<Atom> in, Seq<Var> out) {
        eqns.add(new Eqn(p, in, out, where));
    }

    Seq<Var> emit(Primitive p, Seq<Atom> in) {
        Seq<Var> out = p.abstractEval(in.map(Atom::aval)).map(av -> new Var(nextId++, av));
        eqns.add(new Eqn(p, in, out, where));
        return out;
    }

    Atom emit1(Primitive p, Atom... in) {
        return emit(p, Vector.of(in)).head();
    }

    private Atom emit1(Primitive p, Seq<Atom> in) {
        return emit(p, in).head();
    }
}
