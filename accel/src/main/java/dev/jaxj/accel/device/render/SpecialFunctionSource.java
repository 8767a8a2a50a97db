package dev.jaxj.accel.device.render;

/**
 * The CPU's double-precision special functions ({@code dev.jaxj.accel.cpu.SpecialFunctions})
 * transcribed to C helpers, step for step and with the same coefficients, so a device and the
 * CPU differ only by the rounding of the device's {@code exp}, {@code log}, {@code sqrt}, … and
 * by contraction where the device fuses a multiply-add the JVM rounds twice. The recursion of
 * the CPU's {@code lgammaPositive} and {@code digammaPositive} (one step, from below 0.75 or
 * 1) is unrolled, since OpenCL C has no recursion. f32 operands are widened and the result
 * rounded once, as on the CPU.
 *
 * <p>For devices without fp64, {@link #f32(Helper)} gives each helper's float twin: the same
 * steps and coefficients (rounded to float) in float arithmetic with the float builtins, so
 * its error is that of float evaluation, a few ulps (stated in {@link DeviceAccuracy#withoutFp64}).
 */
final class SpecialFunctionSource {
    private SpecialFunctionSource() {}

    // The polynomials of SpecialFunctions, coefficient of u^k at index k.
    private static final double[] ERFCX_NEAR = {
            0.427583576155807, -0.18214134318926575, 0.007895801768870695, 0.0020271374028483016,
            7.091594750621385e-05, -3.261897087075213e-05, -7.397620667034824e-06, -5.536456756980947e-07,
            1.0664311963257607e-07, 4.413226581754148e-08, 7.551466810065426e-09, 4.009010482013164e-10,
            -1.8074550668257491e-10, -7.067166293416892e-11, -1.3973353927564276e-11, -7.413749959473841e-13,
            3.3134763067559217e-13
    };
    private static final double[] ERFCX_FAR = {
            0.5566594068032301, 0.01931557492979541, -0.01739945173937355, 0.0072014636849713435,
            -0.0018068731040532943, 0.0001967598866511625, 3.7687494394879663e-05, -1.563190428081939e-05,
            -2.620837227373065e-07, 1.0191326696294373e-06, -4.342352384761998e-08, -7.64514558892279e-08,
            4.334699685689388e-09, 6.801170617708587e-09, -1.8094299451819022e-10, -6.779435409321672e-10,
            -2.0365066704908973e-11, 6.632260324727874e-11, 4.040682744482307e-12, -4.528115385094899e-12
    };
    private static final double[] ERFINV_CENTRAL = {
            0.9174083670522701, 0.03356743029704948, 0.0026140273452605754, 0.0002522747551744835,
            2.697700101018418e-05, 3.063743625042923e-06, 3.619864126626641e-07, 4.398277107297447e-08,
            5.456542916315438e-09, 6.87947841959413e-10, 8.785252799610099e-11, 1.1316232483758686e-11,
            1.4725045058101758e-12, 2.0671742197483168e-13, 2.7415675767303887e-14
    };
    private static final double[] ERFINV_MIDDLE = {
            0.8246863005624068, 0.12699306823780956, -0.07002607269461499, 0.03356369810524758, -0.014331191248879648,
            0.005368737616200376, -0.0016436051582831438, 0.0002984735084369545, 8.381210095340745e-05,
            -0.00013227378964861668, 9.439435347950689e-05, -5.2114621087543953e-05, 2.4130686967023134e-05,
            -9.287689268935155e-06, 2.6377944793850764e-06, -1.771895637001908e-07, -4.5720470435942383e-07,
            4.353879767046658e-07, -2.8173333771857993e-07, 1.6941894403984475e-07, -8.150417414246073e-08,
            8.70128685190524e-09, 7.255463314126497e-09, 1.02505634231269e-08, -6.728538360546181e-09,
            -6.276742845207032e-09, 4.8150332060481365e-09, 2.068841124514051e-10, -5.168599540612254e-10
    };
    private static final double[] ERFINV_TAIL = {
            0.9491518065814164, 0.026822887787072307, -0.011069977833453612, 0.004138531480266119,
            -0.0014625145987374776, 0.0004972038680569653, -0.0001639852700856578, 5.2688735675533385e-05,
            -1.652063506976638e-05, 5.055220570963712e-06, -1.507268896237253e-06, 4.3642986899149806e-07,
            -1.219645669515197e-07, 3.2556882834651305e-08, -8.173388782182301e-09, 1.8407878749856593e-09,
            -2.8865873386342294e-10, 4.889109856642089e-12, -5.85014275961106e-12, -4.419842303547544e-12,
            1.676914146832921e-11, -6.601010590441528e-12
    };
    private static final double[] LGAMMA_LOW = {
            0.5487833977237905, -0.07918246284681596, 0.016819201187235042, -0.004162156505750583,
            0.0011130018726315223, -0.00031142425571185477, 8.97231053283003e-05, -2.6380323796078947e-05,
            7.873271441272341e-06, -2.377053485998536e-06, 7.243008927643757e-07, -2.223722218970588e-07,
            6.87155085274622e-08, -2.134706668279618e-08, 6.644134169819019e-09, -2.0804231319129274e-09,
            6.760591215910554e-10, -2.1460545664657036e-10, 5.168370533104217e-11, -1.5815365701967142e-11,
            1.1858139498810818e-11, -3.889143502047293e-12
    };
    private static final double[] LGAMMA_HIGH = {
            0.42278433509846713, -0.050158650837176966, 0.008241250155288966, -0.0015480240241709283,
            0.0003124150727932429, -6.587908856955386e-05, 1.4302764414500334e-05, -3.169588975938308e-06,
            7.130962184970303e-07, -1.6229545709362817e-07, 3.7274409209018914e-08, -8.623138738014243e-09,
            2.007138673034222e-09, -4.707445038570993e-10, 1.1067840318890105e-10, -2.50500703795846e-11,
            5.895301086211702e-12, -1.927209520143327e-12, 4.659516606804278e-13
    };
    private static final double[] DIGAMMA_NEAR_ZERO = {
            0.9510558760318328, -0.2118137106407303, 0.06013562106019684, -0.018550615381735008, 0.005936795278301761,
            -0.0019350666648613071, 0.0006368880303865817, -0.00021074841138175561, 6.995018825112794e-05,
            -2.3258242519113285e-05, 7.741234508636364e-06, -2.578093954045772e-06, 8.589060721930695e-07,
            -2.863161166883193e-07, 9.543298288278275e-08, -3.162911147408454e-08, 1.0527692435026686e-08,
            -3.7083753242807277e-09, 1.2469984616707403e-09, -2.7580994814377e-10, 8.734528429142953e-11,
            -8.50550766013261e-11, 2.918622732168261e-11
    };
    private static final double[] DIGAMMA_2_3 = {
            0.7031566406452432, 0.24517887805011743, -0.029525506455215768, 0.00466470518369264,
            -0.0008170729153862889, 0.00015066905692049322, -2.860256305516322e-05, 5.526470024908582e-06,
            -1.0798410555141594e-06, 2.1255053996943874e-07, -4.204301432632673e-08, 8.34415017509997e-09,
            -1.6609475827142192e-09, 3.30980452197041e-10, -6.494439944863926e-11, 1.293664653082182e-11,
            -3.157002815379979e-12, 6.372808903430299e-13
    };

    /** Taylor coefficients of {@code erf(x) sqrt(pi) / (2x)} in {@code x^2}: {@code (-1)^k / (k! (2k+1))}, as the CPU computes them. */
    private static double[] erfTaylor(int terms) {
        double[] c = new double[terms];
        double factorial = 1;
        for (int k = 0; k < terms; k++) {
            if (k > 0) factorial *= k;
            c[k] = (k % 2 == 0 ? 1 : -1) / (factorial * (2 * k + 1));
        }
        return c;
    }

    /** {@return a helper evaluating {@code sum c[k] u^k} by Horner's rule, in the CPU's order} */
    private static Helper polynomial(String name, double[] c) {
        var sb = new StringBuilder("JX_FN double ").append(name).append("(double u) {\n    double s = ")
                .append(CTypes.f64(c[c.length - 1])).append(";\n");
        for (int k = c.length - 2; k >= 0; k--) sb.append("    s = s * u + ").append(CTypes.f64(c[k])).append(";\n");
        return Helper.of(name, sb.append("    return s;\n}").toString(), true);
    }

    private static final Helper ERF_TAYLOR_P = polynomial("jx_p_erf_taylor", erfTaylor(14));
    private static final Helper ERFCX_NEAR_P = polynomial("jx_p_erfcx_near", ERFCX_NEAR);
    private static final Helper ERFCX_FAR_P = polynomial("jx_p_erfcx_far", ERFCX_FAR);

    private static final Helper EXP_MINUS_SQUARE = Helper.of("jx_exp_minus_square", """
            JX_FN double jx_exp_minus_square(double x) {
                double hi = x * x;
                double lo = fma(x, x, -hi);
                return exp(-hi) * (1 - lo);
            }""", true);

    private static final Helper ERFC_ABOVE = Helper.of("jx_erfc_above", """
            JX_FN double jx_erfc_above(double x) {
                if (x <= 2) return jx_exp_minus_square(x) * jx_p_erfcx_near(3 * (x - 1) / (x + 1));
                if (x >= 27.3) return 0;
                return jx_exp_minus_square(x) * jx_p_erfcx_far((x - 6) / (x + 2)) / x;
            }""", true, EXP_MINUS_SQUARE, ERFCX_NEAR_P, ERFCX_FAR_P);

    static final Helper ERF = Helper.of("jx_erf", """
            JX_FN double jx_erf(double x) {
                double a = fabs(x);
                if (a < 0.5) return 1.1283791670955126 * (x * jx_p_erf_taylor(x * x));
                if (isnan(x)) return x;
                return copysign(a >= 6 ? 1.0 : 1 - jx_erfc_above(a), x);
            }""", true, ERF_TAYLOR_P, ERFC_ABOVE);

    static final Helper ERFC = Helper.of("jx_erfc", """
            JX_FN double jx_erfc(double x) {
                if (fabs(x) < 0.5) return 1 - jx_erf(x);
                if (isnan(x)) return x;
                return x > 0 ? jx_erfc_above(x) : 2 - jx_erfc_above(-x);
            }""", true, ERF, ERFC_ABOVE);

    static final Helper ERF_INV = Helper.of("jx_erf_inv", """
            JX_FN double jx_erf_inv(double p) {
                double a = fabs(p);
                if (!(a < 1)) return a == 1 ? copysign(JX_F64_OF(0x7ff0000000000000ull), p) : JX_F64_OF(0x7ff8000000000000ull);
                if (a <= 0.5) return p * jx_p_erfinv_central(8 * (p * p) - 1);
                double w = sqrt(-log(1 - a));
                double y = w <= 3
                        ? jx_p_erfinv_middle((2 * w - (3 + 0.8325546111576978)) / (3 - 0.8325546111576978))
                        : jx_p_erfinv_tail((2 * w - 9.125) / 3.125);
                return copysign(w * y, p);
            }""", true, polynomial("jx_p_erfinv_central", ERFINV_CENTRAL), polynomial("jx_p_erfinv_middle", ERFINV_MIDDLE),
            polynomial("jx_p_erfinv_tail", ERFINV_TAIL));

    private static final Helper SIN_PI = Helper.of("jx_sin_pi", """
            JX_FN double jx_sin_pi(double x) {
                double a = fmod(fabs(x), 2.0);
                double s;
                if (a <= 0.25) s = sin(3.141592653589793 * a);
                else if (a < 0.75) s = cos(3.141592653589793 * (a - 0.5));
                else if (a <= 1.25) s = sin(3.141592653589793 * (1 - a));
                else if (a < 1.75) s = -cos(3.141592653589793 * (a - 1.5));
                else s = sin(3.141592653589793 * (a - 2));
                return x < 0 ? -s : s;
            }""", true);

    private static final Helper COS_PI = Helper.of("jx_cos_pi", """
            JX_FN double jx_cos_pi(double x) {
                double a = fmod(fabs(x), 2.0);
                if (a <= 0.25) return cos(3.141592653589793 * a);
                if (a < 0.75) return -sin(3.141592653589793 * (a - 0.5));
                if (a <= 1.25) return -cos(3.141592653589793 * (a - 1));
                if (a < 1.75) return sin(3.141592653589793 * (a - 1.5));
                return cos(3.141592653589793 * (a - 2));
            }""", true);

    /** lgamma for {@code x >= 0.75} (the CPU's lgammaPositive past its first line). */
    private static final Helper LGAMMA_CORE = Helper.of("jx_lgamma_core", """
            JX_FN double jx_lgamma_core(double x) {
                if (x == 1 || x == 2) return 0;
                if (x < 1.5) return ((x - 1) * (x - 2)) * jx_p_lgamma_low((8 * x - 9) / 3);
                if (x <= 2.5) return ((x - 1) * (x - 2)) * jx_p_lgamma_high(2 * x - 4);
                if (x < 8) {
                    double product = 1;
                    while (x > 2.5) {
                        x -= 1;
                        product *= x;
                    }
                    return ((x - 1) * (x - 2)) * jx_p_lgamma_high(2 * x - 4) + log(product);
                }
                double r = 1 / x, r2 = r * r;
                double series = r * (1 / 12.0 - r2 * (1 / 360.0 - r2 * (1 / 1260.0 - r2 * (1 / 1680.0 - r2 * (1 / 1188.0
                        - r2 * (691 / 360360.0 - r2 * (1 / 156.0 - r2 * (3617 / 122400.0))))))));
                return (x - 0.5) * (log(x) - 1) + 0.4189385332046727 + series;
            }""", true, polynomial("jx_p_lgamma_low", LGAMMA_LOW), polynomial("jx_p_lgamma_high", LGAMMA_HIGH));

    private static final Helper LGAMMA_POSITIVE = Helper.of("jx_lgamma_positive", """
            JX_FN double jx_lgamma_positive(double x) {
                if (x == 1 || x == 2) return 0;
                if (x < 0.75) return jx_lgamma_core(1 + x) - log(x);
                return jx_lgamma_core(x);
            }""", true, LGAMMA_CORE);

    static final Helper LGAMMA = Helper.of("jx_lgamma", """
            JX_FN double jx_lgamma(double x) {
                if (isnan(x)) return x;
                if (isinf(x) || (x <= 0 && x == rint(x))) return JX_F64_OF(0x7ff0000000000000ull);
                if (fabs(x) < 0x1p-54) return -log(fabs(x));
                if (x > 0) return jx_lgamma_positive(x);
                return 1.1447298858494002 - log(fabs(jx_sin_pi(x))) - jx_lgamma_positive(1 - x);
            }""", true, LGAMMA_POSITIVE, SIN_PI);

    /** digamma for {@code x >= 1} (the CPU's digammaPositive past its first line). */
    private static final Helper DIGAMMA_CORE = Helper.of("jx_digamma_core", """
            JX_FN double jx_digamma_core(double x) {
                if (x <= 2) return ((x - 1.4616321449683622) - 9.549995429965697e-17) * jx_p_digamma_near_zero(2 * x - 3);
                if (x < 10) {
                    double sum = 0;
                    while (x > 3) {
                        x -= 1;
                        sum += 1 / x;
                    }
                    return jx_p_digamma_2_3(2 * x - 5) + sum;
                }
                double r = 1 / x, r2 = r * r;
                double series = r2 * (1 / 12.0 - r2 * (1 / 120.0 - r2 * (1 / 252.0 - r2 * (1 / 240.0 - r2 * (1 / 132.0
                        - r2 * (691 / 32760.0 - r2 * (1 / 12.0 - r2 * (3617 / 8160.0))))))));
                return log(x) - 0.5 * r - series;
            }""", true, polynomial("jx_p_digamma_near_zero", DIGAMMA_NEAR_ZERO), polynomial("jx_p_digamma_2_3", DIGAMMA_2_3));

    private static final Helper DIGAMMA_POSITIVE = Helper.of("jx_digamma_positive", """
            JX_FN double jx_digamma_positive(double x) {
                if (x < 1) return jx_digamma_core(x + 1) - 1 / x;
                return jx_digamma_core(x);
            }""", true, DIGAMMA_CORE);

    static final Helper DIGAMMA = Helper.of("jx_digamma", """
            JX_FN double jx_digamma(double x) {
                if (isnan(x) || x == JX_F64_OF(0x7ff0000000000000ull)) return x;
                if (x <= 0 && x == rint(x)) return JX_F64_OF(0x7ff8000000000000ull);
                if (x > 0) return jx_digamma_positive(x);
                return jx_digamma_positive(1 - x) - 3.141592653589793 * jx_cos_pi(x) / jx_sin_pi(x);
            }""", true, DIGAMMA_POSITIVE, SIN_PI, COS_PI);

    static final Helper ASINH = Helper.of("jx_asinh", """
            JX_FN double jx_asinh(double x) {
                double a = fabs(x);
                double r;
                if (a > 0x1p28) r = log(a) + 0.6931471805599453;
                else if (a > 2) r = log(2 * a + 1 / (sqrt(a * a + 1) + a));
                else r = log1p(a + a * a / (1 + sqrt(1 + a * a)));
                return copysign(r, x);
            }""", true);

    static final Helper ACOSH = Helper.of("jx_acosh", """
            JX_FN double jx_acosh(double x) {
                if (!(x >= 1)) return JX_F64_OF(0x7ff8000000000000ull);
                if (x > 0x1p28) return log(x) + 0.6931471805599453;
                if (x > 2) return log(2 * x - 1 / (x + sqrt(x * x - 1)));
                double t = x - 1;
                return log1p(t + sqrt(2 * t + t * t));
            }""", true);

    static final Helper ATANH = Helper.of("jx_atanh", """
            JX_FN double jx_atanh(double x) {
                double a = fabs(x);
                if (a > 1) return JX_F64_OF(0x7ff8000000000000ull);
                double r = a < 0.5 ? 0.5 * log1p(2 * a + 2 * a * a / (1 - a)) : 0.5 * log1p(2 * a / (1 - a));
                return copysign(r, x);
            }""", true);

    private static final java.util.Map<String, Helper> F32 = new java.util.concurrent.ConcurrentHashMap<>();

    /** Tokens of the helpers' C text: hex floats, hex integers, decimal floats, identifiers, decimal integers. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
            "0[xX][0-9a-fA-F]*(?:\\.[0-9a-fA-F]*)?[pP][-+]?\\d+[fF]?|0[xX][0-9a-fA-F]+[uUlL]*"
            + "|(?:\\d+\\.\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?[fF]?|\\d+[eE][-+]?\\d+[fF]?|[A-Za-z_]\\w*|\\d+[uUlL]*");

    /**
     * {@return the float twin of {@code h}} (named {@code <name>_f32}, calling the twins of its
     * dependencies): {@code double} becomes {@code float}, floating literals take an {@code f}
     * (rounding them to float), the infinity and NaN of double become float's. The root of
     * digamma, where its value is only as accurate as the root, is split into a float and
     * the float remainder, so {@code x - root} keeps its accuracy.
     */
    static Helper f32(Helper h) {
        Helper known = F32.get(h.name());
        if (known != null) return known;
        float rootHi = (float) 1.4616321449683622, rootLo = (float) (1.4616321449683622 - rootHi - 9.549995429965697e-17);
        String code = h.code()
                .replace("JX_F64_OF(0x7ff0000000000000ull)", "JX_F32_OF(0x7f800000u)")
                .replace("JX_F64_OF(0x7ff8000000000000ull)", "JX_F32_OF(0x7fc00000u)")
                .replace("((x - 1.4616321449683622) - 9.549995429965697e-17)", "((x - " + CTypes.f32(rootHi) + ") - " + CTypes.f32(rootLo) + ")");
        var m = TOKEN.matcher(code);
        var sb = new StringBuilder();
        while (m.find()) {
            String t = m.group();
            String r;
            if (t.equals("double")) r = "float";
            else if (t.startsWith("jx_")) r = t + "_f32";
            else if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.') {
                boolean hex = t.length() > 1 && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
                boolean floating = hex ? t.matches("(?s).*[pP].*") : t.matches("(?s).*[.eE].*");
                r = floating && !t.endsWith("f") && !t.endsWith("F") ? t + "f" : t;
            } else r = t;
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        if (sb.toString().contains("ull)") || sb.toString().contains("JX_F64")) throw new IllegalStateException(h.name() + " keeps double bits:\n" + sb);
        Helper twin = new Helper(h.name() + "_f32", sb.toString(), h.deps().map(SpecialFunctionSource::f32), false);
        F32.put(h.name(), twin);
        return twin;
    }

    /** The f32 logistic of the CPU's fused loops, for devices without fp64: {@code e = exp(-|x|)}, never overflowing. */
    static final Helper LOGISTIC_F32 = Helper.of("jx_logistic_f32", """
            JX_FN float jx_logistic_f32(float x) {
                float e = exp(-fabs(x));
                return JX_DIV_F32(x < 0 ? e : 1.0f, JX_ADD_F32(e, 1.0f));
            }""", false);

    static final Helper LOGISTIC = Helper.of("jx_logistic", """
            JX_FN double jx_logistic(double x) {
                if (x >= 0) return 1 / (1 + exp(-x));
                double e = exp(x);
                return e / (1 + e);
            }""", true);
}
