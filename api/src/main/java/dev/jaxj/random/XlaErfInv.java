package dev.jaxj.random;

import dev.jaxj.array.Array;
import dev.jaxj.ir.DType;
import dev.jaxj.ir.Shape;
import dev.jaxj.lax.Lax;

import static dev.jaxj.random.Bits.real;
import static dev.jaxj.random.Bits.to;

/**
 * The inverse error function exactly as XLA expands {@code erf_inv} (xla/client/lib/math.cc
 * {@code ErfInv32}/{@code ErfInv64}): M. Giles' polynomials in {@code w = -log1p(-x²)},
 * evaluated in the input's precision. JAX's normal and truncated-normal samplers go through
 * this expansion, and its results differ from the correctly rounded inverse (which jaxj's
 * {@code erf_inv} kernel computes) in the last bit for many inputs; sampling with it keeps
 * jaxj's normals equal to JAX's bit for bit, e.g. {@code normal(PRNGKey(0), (1,)) = -0.20584226}.
 */
final class XlaErfInv {
    private XlaErfInv() {}

    // Giles, "Approximating the erfinv function" (GPU Computing Gems, 2011); highest degree first.
    private static final float[] F32_LOW = {2.81022636e-08f, 3.43273939e-07f, -3.5233877e-06f, -4.39150654e-06f,
            0.00021858087f, -0.00125372503f, -0.00417768164f, 0.246640727f, 1.50140941f};
    private static final float[] F32_HIGH = {-0.000200214257f, 0.000100950558f, 0.00134934322f, -0.00367342844f,
            0.00573950773f, -0.0076224613f, 0.00943887047f, 1.00167406f, 2.83297682f};

    private static final double[] F64_BELOW_6_25 = {-3.6444120640178196996e-21, -1.685059138182016589e-19,
            1.2858480715256400167e-18, 1.115787767802518096e-17, -1.333171662854620906e-16, 2.0972767875968561637e-17,
            6.6376381343583238325e-15, -4.0545662729752068639e-14, -8.1519341976054721522e-14, 2.6335093153082322977e-12,
            -1.2975133253453532498e-11, -5.4154120542946279317e-11, 1.051212273321532285e-09, -4.1126339803469836976e-09,
            -2.9070369957882005086e-08, 4.2347877827932403518e-07, -1.3654692000834678645e-06, -1.3882523362786468719e-05,
            0.0001867342080340571352, -0.00074070253416626697512, -0.0060336708714301490533, 0.24015818242558961693,
            1.6536545626831027356};
    private static final double[] F64_BELOW_16 = {2.2137376921775787049e-09, 9.0756561938885390979e-08,
            -2.7517406297064545428e-07, 1.8239629214389227755e-08, 1.5027403968909827627e-06, -4.013867526981545969e-06,
            2.9234449089955446044e-06, 1.2475304481671778723e-05, -4.7318229009055733981e-05, 6.8284851459573175448e-05,
            2.4031110387097893999e-05, -0.0003550375203628474796, 0.00095328937973738049703, -0.0016882755560235047313,
            0.0024914420961078508066, -0.0037512085075692412107, 0.005370914553590063617, 1.0052589676941592334,
            3.0838856104922207635};
    private static final double[] F64_ABOVE_16 = {-2.7109920616438573243e-11, -2.5556418169965252055e-10,
            1.5076572693500548083e-09, -3.7894654401267369937e-09, 7.6157012080783393804e-09, -1.4960026627149240478e-08,
            2.9147953450901080826e-08, -6.7711997758452339498e-08, 2.2900482228026654717e-07, -9.9298272942317002539e-07,
            4.5260625972231537039e-06, -1.9681778105531670567e-05, 7.5995277030017761139e-05, -0.00021503011930044477347,
            -0.00013871931833623122026, 1.0103004648645343977, 4.8499064014085844221};

    /** {@return erf⁻¹(x) for f32 or f64 {@code x}, as XLA computes it; ±1 map to ±(largest finite) × x, as in XLA} */
    static Array of(Array x) {
        Shape s = x.shape();
        DType d = x.dtype();
        Array w = Lax.neg(Lax.log1p(Lax.mul(Lax.neg(x), x)));
        Array p = d == DType.F32 ? f32(w, s) : f64(w, s, d);
        Array result = Lax.mul(p, x);
        double max = d == DType.F32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        return Lax.select(Lax.eq(Lax.abs(x), c(1, d, s)), Lax.mul(x, c(max, d, s)), result);
    }

    private static Array f32(Array w, Shape s) {
        Array low = Lax.lt(w, c(5, DType.F32, s));
        Array t = Lax.select(low, Lax.sub(w, c(2.5, DType.F32, s)), Lax.sub(Lax.sqrt(w), c(3, DType.F32, s)));
        Array p = Lax.select(low, c(F32_LOW[0], DType.F32, s), c(F32_HIGH[0], DType.F32, s));
        for (int i = 1; i < F32_LOW.length; i++) {
            Array coef = Lax.select(low, c(F32_LOW[i], DType.F32, s), c(F32_HIGH[i], DType.F32, s));
            p = Lax.add(coef, Lax.mul(p, t));
        }
        return p;
    }

    /** Three branches whose polynomials have 23, 19 and 17 terms; shorter ones stop early, as XLA's selects arrange. */
    private static Array f64(Array w, Shape s, DType d) {
        Array below625 = Lax.lt(w, c(6.25, d, s)), below16 = Lax.lt(w, c(16, d, s));
        Array t = Lax.select(below625, Lax.sub(w, c(3.125, d, s)),
                Lax.sub(Lax.sqrt(w), Lax.select(below16, c(3.25, d, s), c(5, d, s))));
        Array p = coefficient(0, below625, below16, d, s);
        for (int i = 1; i < 17; i++) p = Lax.add(coefficient(i, below625, below16, d, s), Lax.mul(p, t));
        for (int i = 17; i < 19; i++) p = Lax.select(below16, Lax.add(coefficient(i, below625, below16, d, s), Lax.mul(p, t)), p);
        for (int i = 19; i < 23; i++) p = Lax.select(below625, Lax.add(coefficient(i, below625, below16, d, s), Lax.mul(p, t)), p);
        return p;
    }

    private static Array coefficient(int i, Array below625, Array below16, DType d, Shape s) {
        Array coef = c(F64_BELOW_6_25[i], d, s);
        if (i < 19) coef = Lax.select(below625, coef, c(F64_BELOW_16[i], d, s));
        if (i < 17) coef = Lax.select(below16, coef, c(F64_ABOVE_16[i], d, s));
        return coef;
    }

    private static Array c(double v, DType d, Shape s) { return to(real(v, d), s); }
}
