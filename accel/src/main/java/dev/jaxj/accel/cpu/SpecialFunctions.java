package dev.jaxj.accel.cpu;

/**
 * Double-precision special functions that {@link Math} lacks, for the elementwise kernels: the
 * error function family ({@link #erf}, {@link #erfc}, {@link #erfInv}), the gamma family
 * ({@link #lgamma}, {@link #digamma}), the inverse hyperbolic functions, the logistic sigmoid,
 * rounding half away from zero, and {@code sin}/{@code cos} of {@code pi x}. f32 kernels call them
 * on the widened argument and round the result once.
 *
 * <p>Method: short Taylor and asymptotic series whose coefficients are closed forms (Bernoulli
 * numbers), and polynomials fitted to smooth pieces, written in a variable that maps the piece
 * onto {@code [-1, 1]}: {@code erfcx(x) = exp(x^2) erfc(x)}, {@code erfinv(p)/p},
 * {@code erfinv(p)/w} with {@code w = sqrt(-ln(1-p))}, {@code lgamma(x)/((x-1)(x-2))} and
 * {@code digamma(x)/(x-x0)}. Dividing out the zeros keeps the relative accuracy where the
 * functions cross zero. The polynomials are Chebyshev interpolants computed with 50 digits,
 * truncated where the tail falls below 3e-18 and expanded in powers of the variable.
 *
 * <p>Accuracy, measured against 50-digit arithmetic (mpmath) on 2·10^4 random arguments in each
 * of several ranges per function:
 * <ul>
 *   <li>{@code erf}: at most 2 ulp; {@code erfc}: at most 4 ulp up to {@code x = 26.5} (beyond
 *       it the result is subnormal and keeps only its absolute accuracy);
 *   <li>{@code erfInv}: at most 5 ulp over (-1, 1), the largest just above {@code |p| = 1/2};
 *   <li>{@code lgamma} and {@code digamma}: at most 3 ulp for {@code x > 0}, including near the
 *       zeros of lgamma at 1 and 2 and of digamma at 1.4616…; for {@code x < 0} the reflection
 *       formula gives an absolute error within 6 ulp of the largest of 1 and its terms, so the
 *       relative error grows near the zeros on the negative axis, as in most libms;
 *   <li>{@code asinh}, {@code acosh}, {@code atanh}, {@code logistic}: at most 2 ulp.
 * </ul>
 */
final class SpecialFunctions {
    private SpecialFunctions() {}

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double LOG_PI = 1.1447298858494002;
    private static final double LN2 = 0.6931471805599453;
    /** {@code ln(2 pi)/2 - 1/2}, the constant of Stirling's series written as {@code (x-1/2)(ln x - 1) + c}. */
    private static final double STIRLING_CONSTANT = 0.4189385332046727;
    /** The positive zero of digamma, split into a double and the remainder. */
    private static final double DIGAMMA_ZERO_HI = 1.4616321449683622, DIGAMMA_ZERO_LO = 9.549995429965697e-17;
    /** {@code sqrt(ln 2)}: where the erfInv tail variable {@code w = sqrt(-ln(1-|p|))} starts. */
    private static final double ERFINV_W0 = 0.8325546111576978;
    /** erfc(x) rounds to zero above this. */
    private static final double ERFC_UNDERFLOW = 27.3;
    /** erf(x) rounds to one above this (erfc(6) = 2.2e-17 < half an ulp of 1). */
    private static final double ERF_SATURATION = 6;

    /** Taylor coefficients of {@code erf(x) sqrt(pi) / (2x)} in {@code x^2}: {@code (-1)^k / (k! (2k+1))}. */
    private static final double[] ERF_TAYLOR = erfTaylor(14);

    // Polynomials in u (coefficient of u^k at index k): Chebyshev interpolants of the named function,
    // computed with 50 digits, truncated where the tail falls below 3e-18 and expanded in powers of u.
    /** erfcx(x) = exp(x^2) erfc(x) for x in [0.5, 2], in u = 3(x-1)/(x+1) */
    private static final double[] ERFCX_NEAR = {
            0.427583576155807, -0.18214134318926575, 0.007895801768870695, 0.0020271374028483016,
            7.091594750621385e-05, -3.261897087075213e-05, -7.397620667034824e-06, -5.536456756980947e-07,
            1.0664311963257607e-07, 4.413226581754148e-08, 7.551466810065426e-09, 4.009010482013164e-10,
            -1.8074550668257491e-10, -7.067166293416892e-11, -1.3973353927564276e-11, -7.413749959473841e-13,
            3.3134763067559217e-13
    };
    /** x erfcx(x) for x >= 2, in u = (x-6)/(x+2) */
    private static final double[] ERFCX_FAR = {
            0.5566594068032301, 0.01931557492979541, -0.01739945173937355, 0.0072014636849713435,
            -0.0018068731040532943, 0.0001967598866511625, 3.7687494394879663e-05, -1.563190428081939e-05,
            -2.620837227373065e-07, 1.0191326696294373e-06, -4.342352384761998e-08, -7.64514558892279e-08,
            4.334699685689388e-09, 6.801170617708587e-09, -1.8094299451819022e-10, -6.779435409321672e-10,
            -2.0365066704908973e-11, 6.632260324727874e-11, 4.040682744482307e-12, -4.528115385094899e-12
    };
    /** erfinv(p)/p for s = p^2 in [0, 1/4], in u = 8s - 1 */
    private static final double[] ERFINV_CENTRAL = {
            0.9174083670522701, 0.03356743029704948, 0.0026140273452605754, 0.0002522747551744835,
            2.697700101018418e-05, 3.063743625042923e-06, 3.619864126626641e-07, 4.398277107297447e-08,
            5.456542916315438e-09, 6.87947841959413e-10, 8.785252799610099e-11, 1.1316232483758686e-11,
            1.4725045058101758e-12, 2.0671742197483168e-13, 2.7415675767303887e-14
    };
    /** erfinv(p)/w for w = sqrt(-ln(1-p)) in [sqrt(ln 2), 3] */
    private static final double[] ERFINV_MIDDLE = {
            0.8246863005624068, 0.12699306823780956, -0.07002607269461499, 0.03356369810524758, -0.014331191248879648,
            0.005368737616200376, -0.0016436051582831438, 0.0002984735084369545, 8.381210095340745e-05,
            -0.00013227378964861668, 9.439435347950689e-05, -5.2114621087543953e-05, 2.4130686967023134e-05,
            -9.287689268935155e-06, 2.6377944793850764e-06, -1.771895637001908e-07, -4.5720470435942383e-07,
            4.353879767046658e-07, -2.8173333771857993e-07, 1.6941894403984475e-07, -8.150417414246073e-08,
            8.70128685190524e-09, 7.255463314126497e-09, 1.02505634231269e-08, -6.728538360546181e-09,
            -6.276742845207032e-09, 4.8150332060481365e-09, 2.068841124514051e-10, -5.168599540612254e-10
    };
    /** erfinv(p)/w for w in [3, 6.125] */
    private static final double[] ERFINV_TAIL = {
            0.9491518065814164, 0.026822887787072307, -0.011069977833453612, 0.004138531480266119,
            -0.0014625145987374776, 0.0004972038680569653, -0.0001639852700856578, 5.2688735675533385e-05,
            -1.652063506976638e-05, 5.055220570963712e-06, -1.507268896237253e-06, 4.3642986899149806e-07,
            -1.219645669515197e-07, 3.2556882834651305e-08, -8.173388782182301e-09, 1.8407878749856593e-09,
            -2.8865873386342294e-10, 4.889109856642089e-12, -5.85014275961106e-12, -4.419842303547544e-12,
            1.676914146832921e-11, -6.601010590441528e-12
    };
    /** lgamma(x)/((x-1)(x-2)) on [0.75, 1.5], in u = (8x-9)/3 */
    private static final double[] LGAMMA_LOW = {
            0.5487833977237905, -0.07918246284681596, 0.016819201187235042, -0.004162156505750583,
            0.0011130018726315223, -0.00031142425571185477, 8.97231053283003e-05, -2.6380323796078947e-05,
            7.873271441272341e-06, -2.377053485998536e-06, 7.243008927643757e-07, -2.223722218970588e-07,
            6.87155085274622e-08, -2.134706668279618e-08, 6.644134169819019e-09, -2.0804231319129274e-09,
            6.760591215910554e-10, -2.1460545664657036e-10, 5.168370533104217e-11, -1.5815365701967142e-11,
            1.1858139498810818e-11, -3.889143502047293e-12
    };
    /** lgamma(x)/((x-1)(x-2)) on [1.5, 2.5], in u = 2x-4 */
    private static final double[] LGAMMA_HIGH = {
            0.42278433509846713, -0.050158650837176966, 0.008241250155288966, -0.0015480240241709283,
            0.0003124150727932429, -6.587908856955386e-05, 1.4302764414500334e-05, -3.169588975938308e-06,
            7.130962184970303e-07, -1.6229545709362817e-07, 3.7274409209018914e-08, -8.623138738014243e-09,
            2.007138673034222e-09, -4.707445038570993e-10, 1.1067840318890105e-10, -2.50500703795846e-11,
            5.895301086211702e-12, -1.927209520143327e-12, 4.659516606804278e-13
    };
    /** digamma(x)/(x-x0) on [1, 2], in u = 2x-3 */
    private static final double[] DIGAMMA_NEAR_ZERO = {
            0.9510558760318328, -0.2118137106407303, 0.06013562106019684, -0.018550615381735008, 0.005936795278301761,
            -0.0019350666648613071, 0.0006368880303865817, -0.00021074841138175561, 6.995018825112794e-05,
            -2.3258242519113285e-05, 7.741234508636364e-06, -2.578093954045772e-06, 8.589060721930695e-07,
            -2.863161166883193e-07, 9.543298288278275e-08, -3.162911147408454e-08, 1.0527692435026686e-08,
            -3.7083753242807277e-09, 1.2469984616707403e-09, -2.7580994814377e-10, 8.734528429142953e-11,
            -8.50550766013261e-11, 2.918622732168261e-11
    };
    /** digamma(x) on [2, 3], in u = 2x-5 */
    private static final double[] DIGAMMA_2_3 = {
            0.7031566406452432, 0.24517887805011743, -0.029525506455215768, 0.00466470518369264,
            -0.0008170729153862889, 0.00015066905692049322, -2.860256305516322e-05, 5.526470024908582e-06,
            -1.0798410555141594e-06, 2.1255053996943874e-07, -4.204301432632673e-08, 8.34415017509997e-09,
            -1.6609475827142192e-09, 3.30980452197041e-10, -6.494439944863926e-11, 1.293664653082182e-11,
            -3.157002815379979e-12, 6.372808903430299e-13
    };

    // ---------------------------------------------------------------------------------------
    // Error function family
    // ---------------------------------------------------------------------------------------

    /** {@return the error function {@code 2/sqrt(pi) * integral from 0 to x of exp(-t^2)}} */
    static double erf(double x) {
        double a = Math.abs(x);
        if (a < 0.5) return TWO_OVER_SQRT_PI * (x * horner(ERF_TAYLOR, x * x));
        if (Double.isNaN(x)) return x;
        // erfc(|x|) <= 0.48 here, so 1 - erfc loses at most one bit.
        return Math.copySign(a >= ERF_SATURATION ? 1 : 1 - erfcAbove(a), x);
    }

    /** {@return the complementary error function {@code 1 - erf(x)}, accurate also where it is tiny} */
    static double erfc(double x) {
        if (Math.abs(x) < 0.5) return 1 - erf(x);
        if (Double.isNaN(x)) return x;
        return x > 0 ? erfcAbove(x) : 2 - erfcAbove(-x);
    }

    /** erfc for {@code x >= 0.5}, as {@code exp(-x^2) erfcx(x)}; {@code x erfcx(x)} tends to {@code 1/sqrt(pi)}. */
    private static double erfcAbove(double x) {
        if (x <= 2) return expMinusSquare(x) * horner(ERFCX_NEAR, 3 * (x - 1) / (x + 1));
        if (x >= ERFC_UNDERFLOW) return 0;
        return expMinusSquare(x) * horner(ERFCX_FAR, (x - 6) / (x + 2)) / x;
    }

    /** {@return the inverse error function, the {@code y} with {@code erf(y) = p}}; {@code +-inf} at {@code +-1}, NaN beyond */
    static double erfInv(double p) {
        double a = Math.abs(p);
        if (!(a < 1)) return a == 1 ? Math.copySign(Double.POSITIVE_INFINITY, p) : Double.NaN;
        if (a <= 0.5) return p * horner(ERFINV_CENTRAL, 8 * (p * p) - 1);
        // In w = sqrt(-ln(1 - |p|)) the inverse is nearly linear; 1 - a is exact for a >= 1/2.
        double w = Math.sqrt(-Math.log(1 - a));
        double yOverW = w <= 3
                ? horner(ERFINV_MIDDLE, (2 * w - (3 + ERFINV_W0)) / (3 - ERFINV_W0))
                : horner(ERFINV_TAIL, (2 * w - 9.125) / 3.125);
        return Math.copySign(w * yOverW, p);
    }

    /** {@code exp(-x^2)}, with {@code x^2} split exactly so its rounding (worth x^2 ulps) is not amplified. */
    private static double expMinusSquare(double x) {
        double hi = x * x;
        double lo = Math.fma(x, x, -hi);
        return Math.exp(-hi) * (1 - lo);
    }

    // ---------------------------------------------------------------------------------------
    // Gamma family
    // ---------------------------------------------------------------------------------------

    /** {@return {@code ln |Gamma(x)|}}; {@code +inf} at the poles (0, -1, -2, …) and at {@code +-inf} */
    static double lgamma(double x) {
        if (Double.isNaN(x)) return x;
        if (Double.isInfinite(x) || (x <= 0 && x == Math.rint(x))) return Double.POSITIVE_INFINITY;
        if (Math.abs(x) < 0x1p-54) return -Math.log(Math.abs(x));       // lgamma(x) = -ln|x| - gamma x + O(x^2)
        if (x > 0) return lgammaPositive(x);
        // Reflection: Gamma(x) Gamma(1-x) = pi / sin(pi x).
        return LOG_PI - Math.log(Math.abs(sinPi(x))) - lgammaPositive(1 - x);
    }

    private static double lgammaPositive(double x) {
        if (x == 1 || x == 2) return 0;                                  // +0, where the factored form gives -0 at 1
        if (x < 0.75) return lgammaPositive(1 + x) - Math.log(x);        // lgamma(1+x) <= 0 < -ln x: no cancellation
        // Between the zeros at 1 and 2, factored out so the relative accuracy holds there; both factors are exact.
        if (x < 1.5) return ((x - 1) * (x - 2)) * horner(LGAMMA_LOW, (8 * x - 9) / 3);
        if (x <= 2.5) return ((x - 1) * (x - 2)) * horner(LGAMMA_HIGH, 2 * x - 4);
        if (x < 8) {
            // Gamma(x) = (x-1)(x-2)…(x-n) Gamma(x-n), stepping down into (1.5, 2.5]; each x - 1 is exact.
            double product = 1;
            while (x > 2.5) {
                x -= 1;
                product *= x;
            }
            return ((x - 1) * (x - 2)) * horner(LGAMMA_HIGH, 2 * x - 4) + Math.log(product);
        }
        // Stirling's series; the terms are B_2k / (2k (2k-1) x^(2k-1)) with Bernoulli numbers B_2k.
        double r = 1 / x, r2 = r * r;
        double series = r * (1 / 12.0 - r2 * (1 / 360.0 - r2 * (1 / 1260.0 - r2 * (1 / 1680.0 - r2 * (1 / 1188.0
                - r2 * (691 / 360360.0 - r2 * (1 / 156.0 - r2 * (3617 / 122400.0))))))));
        return (x - 0.5) * (Math.log(x) - 1) + STIRLING_CONSTANT + series;
    }

    /** {@return the digamma function {@code d/dx ln Gamma(x)}}; NaN at the poles (0, -1, -2, …) and at {@code -inf} */
    static double digamma(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) return x;
        if (x <= 0 && x == Math.rint(x)) return Double.NaN;
        if (x > 0) return digammaPositive(x);
        // Reflection: digamma(1-x) - digamma(x) = pi cot(pi x).
        return digammaPositive(1 - x) - Math.PI * cosPi(x) / sinPi(x);
    }

    private static double digammaPositive(double x) {
        if (x < 1) return digammaPositive(x + 1) - 1 / x;
        if (x <= 2) return ((x - DIGAMMA_ZERO_HI) - DIGAMMA_ZERO_LO) * horner(DIGAMMA_NEAR_ZERO, 2 * x - 3);
        if (x < 10) {
            // digamma(x) = digamma(x-n) + sum 1/(x-k), stepping down into (2, 3] where digamma > 0: no cancellation.
            double sum = 0;
            while (x > 3) {
                x -= 1;
                sum += 1 / x;
            }
            return horner(DIGAMMA_2_3, 2 * x - 5) + sum;
        }
        // Asymptotic series; the terms are B_2k / (2k x^2k) with Bernoulli numbers B_2k.
        double r = 1 / x, r2 = r * r;
        double series = r2 * (1 / 12.0 - r2 * (1 / 120.0 - r2 * (1 / 252.0 - r2 * (1 / 240.0 - r2 * (1 / 132.0
                - r2 * (691 / 32760.0 - r2 * (1 / 12.0 - r2 * (3617 / 8160.0))))))));
        return Math.log(x) - 0.5 * r - series;
    }

    /** {@code sin(pi x)}, reducing the argument exactly so that it is exactly 0 at the integers. */
    static double sinPi(double x) {
        double a = Math.abs(x) % 2;                      // exact; every subtraction below is exact too
        double s;
        if (a <= 0.25) s = Math.sin(Math.PI * a);
        else if (a < 0.75) s = Math.cos(Math.PI * (a - 0.5));
        else if (a <= 1.25) s = Math.sin(Math.PI * (1 - a));
        else if (a < 1.75) s = -Math.cos(Math.PI * (a - 1.5));
        else s = Math.sin(Math.PI * (a - 2));
        return x < 0 ? -s : s;
    }

    /** {@code cos(pi x)}, reducing the argument exactly so that it is exactly 0 at the half-integers. */
    static double cosPi(double x) {
        double a = Math.abs(x) % 2;
        if (a <= 0.25) return Math.cos(Math.PI * a);
        if (a < 0.75) return -Math.sin(Math.PI * (a - 0.5));
        if (a <= 1.25) return -Math.cos(Math.PI * (a - 1));
        if (a < 1.75) return Math.sin(Math.PI * (a - 1.5));
        return Math.cos(Math.PI * (a - 2));
    }

    // ---------------------------------------------------------------------------------------
    // Elementary functions missing from java.lang.Math
    // ---------------------------------------------------------------------------------------

    /** {@return {@code asinh(x) = ln(x + sqrt(x^2 + 1))}}, in forms free of cancellation and overflow */
    static double asinh(double x) {
        double a = Math.abs(x);
        double r;
        if (a > 0x1p28) r = Math.log(a) + LN2;                               // sqrt(a^2 + 1) = a to double precision
        else if (a > 2) r = Math.log(2 * a + 1 / (Math.sqrt(a * a + 1) + a));
        else r = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    /** {@return {@code acosh(x) = ln(x + sqrt(x^2 - 1))}}; NaN below 1 */
    static double acosh(double x) {
        if (!(x >= 1)) return Double.NaN;
        if (x > 0x1p28) return Math.log(x) + LN2;
        if (x > 2) return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        double t = x - 1;                                                     // exact
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** {@return {@code atanh(x) = ln((1+x)/(1-x))/2}}; {@code +-inf} at {@code +-1}, NaN beyond */
    static double atanh(double x) {
        double a = Math.abs(x);
        if (a > 1) return Double.NaN;
        // (1+a)/(1-a) = 1 + 2a/(1-a), and 2a/(1-a) = 2a + 2a^2/(1-a) keeps small a exact.
        double r = a < 0.5 ? 0.5 * Math.log1p(2 * a + 2 * a * a / (1 - a)) : 0.5 * Math.log1p(2 * a / (1 - a));
        return Math.copySign(r, x);
    }

    /** {@return the logistic sigmoid {@code 1 / (1 + exp(-x))}}, evaluated so that exp never overflows */
    static double logistic(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** {@return {@code x} rounded to an integer, halves away from zero}, exactly (C's {@code round}) */
    static double roundHalfAwayFromZero(double x) {
        double a = Math.abs(x);
        double t = Math.floor(a);
        // a - t is exact, so 0.49999999999999994 stays below one half.
        if (a - t >= 0.5) t += 1;
        return Math.copySign(t, x);
    }

    // ---------------------------------------------------------------------------------------
    // Series evaluation
    // ---------------------------------------------------------------------------------------

    /** {@return {@code sum c[k] s^k}} by Horner's rule. */
    private static double horner(double[] c, double s) {
        double sum = c[c.length - 1];
        for (int k = c.length - 2; k >= 0; k--) sum = sum * s + c[k];
        return sum;
    }

    private static double[] erfTaylor(int terms) {
        double[] c = new double[terms];
        double factorial = 1;                            // k! is exact in a double for k <= 18
        for (int k = 0; k < terms; k++) {
            if (k > 0) factorial *= k;
            c[k] = (k % 2 == 0 ? 1 : -1) / (factorial * (2 * k + 1));
        }
        return c;
    }
}
