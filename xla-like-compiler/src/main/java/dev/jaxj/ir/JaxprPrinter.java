package dev.jaxj.ir;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The canonical text form of a {@link Jaxpr}, in JAX's layout; variables are named a, b, …, z,
 * ba, …. A control-flow equation prints its params one per line with its programs indented
 * beneath, named as JAX names them:
 * {@snippet lang=text :
 *     c:f32[] d:f32[4] = scan[
 *       jaxpr={ lambda ; e:f32[] f:f32[] g:f32[]. let
 *           h:f32[] = mul f e
 *         in (h, h) }
 *       length=4
 *       linear=(False, False, False)
 *       num_carry=1
 *       num_consts=1
 *       reverse=False
 *       unroll=1
 *     ] a b x
 * }
 * A nested program's variables continue the lettering but are its own: programs of control
 * flow are closed, so they never name a variable of the program around them.
 */
final class JaxprPrinter {
    private Map<Var, String> names = new HashMap<>();
    private int counter;

    private JaxprPrinter() {}

    static String print(Jaxpr j) {
        return new JaxprPrinter().jaxpr(j, "");
    }

    /** A nested program gets its own names (its variables may equal outer ones by id), continuing the letters. */
    private String nested(Jaxpr j, String indent) {
        Map<Var, String> outer = names;
        names = new HashMap<>();
        try {
            return jaxpr(j, indent);
        } finally {
            names = outer;
        }
    }

    private String jaxpr(Jaxpr j, String indent) {
        var sb = new StringBuilder("{ lambda ");
        sb.append(j.constVars().map(this::binder).mkString(" ")).append(j.constVars().isEmpty() ? "; " : " ; ");
        sb.append(j.inVars().map(this::binder).mkString(" ")).append(". let\n");
        for (Eqn e : j.eqns()) {
            String outs = e.out().map(this::binder).mkString(" ");
            sb.append(indent).append("    ").append(outs).append(" = ").append(e.prim().name());
            sb.append(e.prim() instanceof Primitive.ControlFlow cf ? controlParams(cf, indent + "    ") : params(e.prim(), indent + "    "));
            for (Atom a : e.in()) sb.append(' ').append(atom(a));
            sb.append('\n');
        }
        return sb.append(indent).append("  in (").append(j.outs().map(this::atom).mkString(", ")).append(") }").toString();
    }

    private String binder(Var v) {
        return name(v) + ":" + v.aval();
    }

    private String atom(Atom a) {
        return switch (a) {
            case Var v -> name(v);
            case Lit l -> l.toString();
        };
    }

    private String name(Var v) {
        return names.computeIfAbsent(v, k -> letters(counter++));
    }

    private static String letters(int n) {
        var sb = new StringBuilder();
        do {
            sb.insert(0, (char) ('a' + n % 26));
            n = n / 26;
        } while (n > 0);
        return sb.toString();
    }

    /**
     * JAX's params of {@code cond}, {@code scan}, {@code while}, {@code remat} and the custom calls, sorted by name as JAX prints
     * them, one per line. {@code max_steps}, which JAX lacks, shows only on a bounded loop.
     */
    private String controlParams(Primitive.ControlFlow cf, String indent) {
        String in = indent + "  ";
        List<String> params = new ArrayList<>();
        switch (cf) {
            case Primitive.Cond c -> params.add("branches=(\n" + c.branches().map(b -> in + "  " + nested(b, in + "  ") + "\n").mkString() + in + ")");
            case Primitive.Scan s -> {
                params.add("jaxpr=" + nested(s.body(), in));
                params.add("length=" + s.length());
                params.add("linear=" + python(Collections.nCopies(s.body().inVars().size(), "False")));
                params.add("num_carry=" + s.numCarry());
                params.add("num_consts=" + s.numConsts());
                params.add("reverse=" + (s.reverse() ? "True" : "False"));
                params.add("unroll=" + s.unroll());
            }
            case Primitive.While w -> {
                params.add("body_jaxpr=" + nested(w.body(), in));
                params.add("body_nconsts=" + w.bodyConsts());
                params.add("cond_jaxpr=" + nested(w.cond(), in));
                params.add("cond_nconsts=" + w.condConsts());
                if (w.bounded()) params.add("max_steps=" + w.maxSteps());
            }
            case Primitive.Remat r -> {
                params.add("jaxpr=" + nested(r.body(), in));
                params.add("policy=" + r.policy().name().toLowerCase());
                params.add("prevent_cse=True");
            }
            case Primitive.Pjit j -> {
                params.add("jaxpr=" + nested(j.body(), in));
                params.add("name=" + j.functionName());
            }
            case Primitive.CustomJvpCall c -> {
                params.add("call_jaxpr=" + nested(c.fun(), in));
                params.add("jvp_jaxpr_fun=" + c.jvp());
                params.add("num_consts=" + c.numConsts());
                params.add("symbolic_zeros=False");
            }
            case Primitive.CustomVjpCall c -> {
                params.add("call_jaxpr=" + nested(c.fun(), in));
                params.add("fwd_jaxpr_thunk=" + c.rules());
                params.add("num_consts=" + c.numConsts());
                params.add("symbolic_zeros=False");
            }
        }
        return "[\n" + params.stream().map(p -> in + p + "\n").collect(Collectors.joining()) + indent + "]";
    }

    /** A Python tuple: {@code (a,)} for one element. */
    private static String python(List<String> xs) {
        return xs.size() == 1 ? "(" + xs.getFirst() + ",)" : "(" + String.join(", ", xs) + ")";
    }

    /** Params come from the record's components, so every primitive prints without extra code. */
    private String params(Primitive p, String indent) {
        RecordComponent[] comps = p.getClass().getRecordComponents();
        if (comps == null || comps.length == 0) return "";
        return java.util.Arrays.stream(comps)
                .map(c -> ShapeRules.snake(c.getName()) + "=" + value(read(c, p), indent))
                .collect(Collectors.joining(" ", "[", "]"));
    }

    private static Object read(RecordComponent c, Object rec) {
        try {
            return c.getAccessor().invoke(rec);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + rec.getClass().getSimpleName(), e);
        }
    }

    private String value(Object v, String indent) {
        return switch (v) {
            case Seq<?> s -> s.map(x -> value(x, indent)).mkString("(", ", ", s.size() == 1 ? ",)" : ")");
            case Option<?> o -> o.map(x -> value(x, indent)).getOrElse("None");
            case DType d -> d.numpyName();
            case Enum<?> e -> e.name();
            case Jaxpr j -> nested(j, indent + "  ");
            case Record r -> r.getClass().getSimpleName() + java.util.Arrays.stream(r.getClass().getRecordComponents())
                    .map(c -> ShapeRules.snake(c.getName()) + "=" + value(read(c, r), indent)).collect(Collectors.joining(", ", "(", ")"));
            default -> String.valueOf(v);
        };
    }
}
