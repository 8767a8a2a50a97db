package dev.jaxj.scipy;

import java.math.BigInteger;

/** Bernoulli numbers as exact fractions (Akiyama–Tanigawa), rounded once to double. */
final class Bernoulli {
    private Bernoulli() {}

    /** {@return B_0 … B_n with SciPy's sign convention B_1 = -1/2} */
    static double[] numbers(int n) {
        double[] out = new double[n + 1];
        BigInteger[] num = new BigInteger[n + 1], den = new BigInteger[n + 1];
        for (int m = 0; m <= n; m++) {
            num[m] = BigInteger.ONE;
            den[m] = BigInteger.valueOf(m + 1);
            for (int j = m; j >= 1; j--) {
                // a[j-1] = j * (a[j-1] - a[j])
                BigInteger nn = num[j - 1].multiply(den[j]).subtract(num[j].multiply(den[j - 1])).multiply(BigInteger.valueOf(j));
                BigInteger dd = den[j - 1].multiply(den[j]);
                BigInteger g = nn.gcd(dd);
                if (g.signum() != 0) { nn = nn.divide(g); dd = dd.divide(g); }
                num[j - 1] = nn;
                den[j - 1] = dd;
            }
            out[m] = new java.math.BigDecimal(num[0]).divide(new java.math.BigDecimal(den[0]), java.math.MathContext.DECIMAL128).doubleValue();
        }
        if (n >= 1) out[1] = -0.5;
        return out;
    }
}
