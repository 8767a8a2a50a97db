"""Writes special_reference.txt: scipy.special evaluated in float64 on the grids that SpecialTest
checks (Ei from mpmath, see below). Run from this folder with python3 (NumPy 2.x, SciPy, mpmath):
python3 special_reference.py > special_reference.txt

For a function f of k arguments, the lines 'f.0', ..., 'f.<k-1>' hold the arguments (already
broadcast, flattened) and 'f' holds the values. Values are printed by repr (round-trip exact).
"""
from fractions import Fraction
from math import comb

import mpmath
import numpy as np
from scipy import special

mpmath.mp.dps = 50

CASES = []


def case(name, fn, *args):
    args = np.broadcast_arrays(*[np.asarray(a, dtype=np.float64) for a in args])
    CASES.append((name, [a.ravel() for a in args], np.asarray(fn(*args), dtype=np.float64).ravel()))


X = [-4.5, -1.3, -0.2, 0.0, 0.4, 1.0, 2.5, 7.0]
POS = [1e-3, 0.05, 0.5, 1.0, 1.5, 3.7, 12.0, 55.0]
P01 = [1e-300, 1e-20, 1e-7, 0.01, 0.2, 0.5, 0.77, 0.999, 1 - 1e-12]

case('xlogy', special.xlogy, [0.0, 0.0, 1.5, -2.0, 3.0], [0.0, 2.0, 0.25, 3.0, 1e-5])
case('xlog1py', special.xlog1py, [0.0, 0.0, 1.5, -2.0, 3.0], [-1.0, 2.0, 0.25, 3.0, 1e-9])
case('entr', special.entr, [-1.0, 0.0, 1e-10, 0.3, 1.0, 4.0])
case('kl_div', special.kl_div, [0.0, 0.0, 0.5, 2.0, -1.0, 1.0], [0.0, 0.7, 0.25, 3.0, 1.0, 0.0])
case('rel_entr', special.rel_entr, [0.0, 0.0, 0.5, 2.0, -1.0, 1.0], [0.0, 0.7, 0.25, 3.0, 1.0, 0.0])
case('logit', special.logit, [0.0, 1e-8, 0.25, 0.5, 0.9, 1.0])
case('expit', special.expit, [-40.0, -2.0, 0.0, 0.7, 30.0])
case('erf', special.erf, X)
case('erfc', special.erfc, X + [10.0, 25.0])
case('erfinv', special.erfinv, [-1.0, -0.9, -0.3, 0.0, 0.5, 0.999999, 1.0])
case('erfcx', special.erfcx, [-5.0, -1.0, 0.0, 0.5, 2.0, 3.9, 4.1, 8.0, 30.0, 1e3, 1e8])
case('ndtr', special.ndtr, [-40.0, -10.0, -1.5, 0.0, 0.3, 2.0, 9.0])
case('ndtri', special.ndtri, P01 + [0.0, 1.0])
case('log_ndtr', special.log_ndtr, [-1e5, -300.0, -40.0, -5.0, -1.0, -0.5, 0.0, 3.0, 10.0, 40.0])
case('gamma', special.gamma, [-3.5, -0.5, 0.1, 1.0, 4.5, 10.0, 30.0])
case('gammaln', special.gammaln, [-3.5, -0.5, 0.1, 1.0, 4.5, 10.0, 300.0])
case('gammasgn', special.gammasgn, [-3.5, -2.5, -0.5, 0.1, 4.0, -2.0, 0.0])
case('loggamma', special.loggamma, [-0.5, 0.1, 1.0, 4.5, 300.0])
case('digamma', special.digamma, [-3.5, -0.5, 0.1, 1.0, 4.5, 100.0])
case('polygamma', special.polygamma, [0, 1, 1, 2, 3, 5, 1], [2.5, 0.1, 4.0, 1.0, 7.5, 0.6, 100.0])
case('zeta', special.zeta, [1.0, 1.5, 2.0, 2.0, 3.0, 4.5, 10.0, 30.0, 2.0], [1.0, 1.0, 1.0, 0.3, 2.5, 1.0, 0.7, 1.0, 1e3])
case('beta', special.beta, [0.5, 2.0, 3.5, -0.5, 10.0], [0.5, 3.0, 0.2, 1.5, 12.0])
case('betaln', special.betaln, [0.5, 2.0, 3.5, 10.0, 100.0], [0.5, 3.0, 0.2, 12.0, 50.0])
case('poch', special.poch, [0.5, 2.0, 3.5, -1.5, 10.0], [0.0, 3.0, 0.5, 2.0, 4.5])
case('multigammaln', lambda a: special.multigammaln(a, 3), [1.5, 2.0, 7.25])
case('factorial', lambda n: special.factorial(n, exact=False), [-1.0, 0.0, 1.0, 5.0, 3.5, 20.0])
case('comb', lambda n, k: special.comb(n, k, exact=False), [5.0, 10.0, 10.0, 4.0, 7.5, 30.0], [2.0, 0.0, 11.0, -1.0, 2.0, 15.0])
case('comb_repetition', lambda n, k: special.comb(n, k, exact=False, repetition=True), [5.0, 3.0, 10.0], [2.0, 4.0, 0.0])


def bernoulli(n):
    """B_0 .. B_n as exact fractions from sum_{k<=m} C(m+1, k) B_k = 0, with B_1 = -1/2 as SciPy
    (whose own float recurrence drifts by ~1e-12, so it is not the reference here)."""
    b = [Fraction(1)]
    for m in range(1, n + 1):
        b.append(-sum(comb(m + 1, k) * b[k] for k in range(m)) / (m + 1))
    return np.array([float(v) for v in b])


case('bernoulli', lambda: bernoulli(24))
GA = [0.1, 0.5, 1.0, 2.5, 2.5, 2.5, 10.0, 10.0, 50.0, 150.0, 3.0, 3.0]
GX = [0.01, 2.0, 1.0, 0.3, 3.5, 20.0, 9.0, 11.0, 45.0, 160.0, 0.0, np.inf]
case('gammainc', special.gammainc, GA, GX)
case('gammaincc', special.gammaincc, GA, GX)
BA = [0.5, 1.0, 2.0, 2.0, 5.0, 0.2, 30.0, 100.0, 2.0, 2.0]
BB = [0.5, 1.0, 3.0, 3.0, 0.7, 0.3, 40.0, 80.0, 3.0, 3.0]
BX = [0.3, 0.6, 0.1, 0.9, 0.99, 0.5, 0.45, 0.6, 0.0, 1.0]
case('betainc', special.betainc, BA, BB, BX)
IX = [-30.0, -5.0, -0.5, 0.0, 1e-3, 1.0, 7.5, 19.9, 20.1, 45.0, 700.0]
case('i0e', special.i0e, IX)
case('i1e', special.i1e, IX)
case('i0', special.i0, IX[:-1])
case('i1', special.i1, IX[:-1])
case('exp1', special.exp1, [-1.0, 0.0, 1e-10, 0.3, 0.999, 1.001, 2.0, 10.0, 50.0, 700.0])
# SciPy's expi is off by ~3e-14 just above x = 40 (6657825191606925 at 40.1, against 6657825191607100.0358
# from 50-digit arithmetic), so Ei comes from mpmath (SciPy's own dependency) at 50 digits.
case('expi', np.vectorize(lambda v: float(mpmath.ei(v)) if v != 0 else -np.inf), [-50.0, -2.0, -0.3, 0.0, 1e-10, 0.3725, 1.0, 10.0, 39.9, 40.1, 100.0, 600.0])
case('expn', special.expn, [0, 1, 2, 3, 5, 5, 2, 10, 50, 1, 3, -1], [0.5, 1e-3, 0.2, 0.999, 1.0, 1.2, 7.5, 0.5, 0.3, 40.0, 0.0, 1.0])
SX = [-7.0, -0.5, 0.0, 1e-5, 0.8, 1.99, 2.01, 5.0, 30.0, 400.0]
case('si', lambda x: special.sici(x)[0], SX)
case('ci', lambda x: special.sici(x)[1], SX)
FX = [-3.0, -0.4, 0.0, 1e-4, 0.7, 1.49, 1.51, 2.5, 7.3, 50.0]
case('fresnel_s', lambda x: special.fresnel(x)[0], FX)
case('fresnel_c', lambda x: special.fresnel(x)[1], FX)
case('hyp1f1', special.hyp1f1, [0.5, 1.0, 2.5, -1.5, 3.0, 0.3, 2.0], [1.5, 2.0, 4.0, 2.5, 1.2, 0.7, 5.0],
     [0.3, -2.0, 10.0, 1.7, -8.0, 40.0, -30.0])
case('spence', special.spence, [-1.0, 0.0, 1e-8, 0.3, 0.5, 0.9, 1.0, 1.3, 1.7, 2.5, 10.0, 1e6])

for name, args, values in CASES:
    for i, a in enumerate(args):
        print(f'{name}.{i}: ' + ' '.join(repr(float(v)) for v in a))
    print(f'{name}: ' + ' '.join(repr(float(v)) for v in values))
