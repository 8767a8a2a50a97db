"""Writes special_more_reference.txt: reference values for the jax.scipy.special functions that
SpecialMoreTest checks, computed without SciPy: with Python's decimal at 60 digits (power series),
or with float64 quadrature far finer than the code under test uses. Run from this folder with
/usr/bin/python3 (NumPy 1.24): python3 special_more_reference.py > special_more_reference.txt

Same layout as special_reference.txt: lines 'f.0', ..., 'f.<k-1>' hold the arguments (broadcast,
flattened) and 'f' the values, printed by repr (round-trip exact).
"""
import math
from decimal import Decimal, getcontext
from fractions import Fraction

import numpy as np

getcontext().prec = 60
CASES = []


def emit(name, args, values):
    args = np.broadcast_arrays(*[np.asarray(a, dtype=np.float64) for a in args])
    for i, a in enumerate(args):
        print(f'{name}.{i}: ' + ' '.join(repr(float(v)) for v in a.ravel()))
    print(f'{name}: ' + ' '.join(repr(float(v)) for v in np.ravel(values)))


def bessel_j(n, x):
    """J_n(x) = sum_k (-1)^k (x/2)^(2k+n) / (k! (k+n)!), summed in 60-digit decimals (DLMF 10.2.2)."""
    half = Decimal(repr(x)) / 2
    term = half ** n
    for j in range(1, n + 1):
        term /= j
    total, k = Decimal(0), 0
    while True:
        total += term
        k += 1
        term *= -half * half / (k * (k + n))
        if k > 10 and abs(term) < Decimal(10) ** -50 * max(abs(total), Decimal(10) ** -300):
            return float(total)


# bessel_jn: rows J_0 .. J_4 for each z, flattened row-major as Special.besselJn(z, 4) returns them.
BESSEL_Z = [-7.5, -1.0, 0.1, 0.5, 1.0, 2.5, 4.0, 9.3, 15.0, 20.0]
emit('bessel_jn', [BESSEL_Z], [[bessel_j(n, z) for z in BESSEL_Z] for n in range(5)])


def owens_t(h, a):
    """1/(2 pi) int_0^a exp(-h^2 (1 + x^2)/2) / (1 + x^2) dx by 400 panels of 20-point Gauss-Legendre, directly for every a."""
    x, w = np.polynomial.legendre.leggauss(20)
    edges = np.linspace(0.0, abs(a), 401)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        t = lo + (hi - lo) * (x + 1) / 2
        total += (hi - lo) / 2 * np.sum(w * np.exp(-h * h * (1 + t * t) / 2) / (1 + t * t))
    return np.sign(a) * total / (2 * np.pi)


OT_H = [0.0, 0.3, -0.78, 1.0, 2.0, -3.0, 5.0, 8.0, 0.5, 1.7, 0.78, 2.5, 0.1]
OT_A = [0.5, 1.0, 3.5, -0.25, 0.999, 1.5, 0.9, 0.7, 10.0, -4.0, 3.5, 1.0, 30.0]
emit('owens_t', [OT_H, OT_A], [owens_t(h, a) for h, a in zip(OT_H, OT_A)])


def decimal_pi():
    """pi to the context's precision (the recipe in Python's decimal documentation)."""
    getcontext().prec += 2
    lasts, t, s, n, na, d, da = 0, Decimal(3), 3, 1, 0, 0, 24
    while s != lasts:
        lasts = s
        n, na = n + na, na + 8
        d, da = d + da, da + 32
        t = (t * n) / d
        s += t
    getcontext().prec -= 2
    return +s


SQRT_PI = decimal_pi().sqrt()


def wofz(x, y):
    """w(z) = sum_n (iz)^n / Gamma(n/2 + 1) (DLMF 7.6.3) in 60-digit decimals, on real and imaginary parts."""
    ar, ai = -Decimal(repr(y)), Decimal(repr(x))  # iz
    pr, pi_, sr, si, n = Decimal(1), Decimal(0), Decimal(0), Decimal(0), 0
    while True:
        if n % 2 == 0:
            g = Decimal(math.factorial(n // 2))
        else:  # Gamma(k + 3/2) = (2k + 1)!! sqrt(pi) / 2^(k + 1)
            k = (n - 1) // 2
            g = Decimal(math.prod(range(1, 2 * k + 2, 2))) / Decimal(2 ** (k + 1)) * SQRT_PI
        sr += pr / g
        si += pi_ / g
        pr, pi_ = pr * ar - pi_ * ai, pr * ai + pi_ * ar
        n += 1
        if n > 20 and (abs(pr) + abs(pi_)) / g < Decimal(10) ** -45:
            return float(sr), float(si)


WZ_X = [0.0, 1.0, -0.3, 2.5, 0.0, 4.0, -1.5, 0.7, 3.0, -2.0, 0.2, 5.5]
WZ_Y = [0.0, 0.0, 0.5, 1.5, 1.0, 0.01, 3.0, -0.4, -0.8, -1.2, -2.0, 2.0]
getcontext().prec = 80
W = [wofz(x, y) for x, y in zip(WZ_X, WZ_Y)]
emit('wofz_re', [WZ_X, WZ_Y], [w[0] for w in W])
emit('wofz_im', [WZ_X, WZ_Y], [w[1] for w in W])
getcontext().prec = 60


def legendre_p(l, m, theta):
    """P_l^m(cos theta) with the Condon-Shortley phase: (-1)^m sin(theta)^m d^m/dx^m P_l(x), P_l's exact
    coefficients from Rodrigues' formula (sin theta rather than sqrt(1 - x^2), which cancels near the poles)."""
    x = math.cos(theta)
    coeffs = [Fraction(0)] * (2 * l + 1)  # (x^2 - 1)^l
    for k in range(l + 1):
        coeffs[2 * k] = Fraction(math.comb(l, k) * (-1) ** (l - k))
    for _ in range(l + m):  # differentiate l + m times
        coeffs = [coeffs[i + 1] * (i + 1) for i in range(len(coeffs) - 1)]
    poly = sum(float(cf) * x ** i for i, cf in enumerate(coeffs)) / (2 ** l * math.factorial(l))
    return (-1) ** m * math.sin(theta) ** m * poly


def sph_harm_y(n, m, theta, phi):
    am = abs(m)
    norm = math.sqrt((2 * n + 1) / (4 * math.pi) * math.factorial(n - am) / math.factorial(n + am))
    y = norm * legendre_p(n, am, theta) * complex(math.cos(am * phi), math.sin(am * phi))
    return (-1) ** am * y.conjugate() if m < 0 else y


SH_N = [0, 1, 1, 1, 2, 2, 3, 4, 5, 6, 6, 3]
SH_M = [0, -1, 0, 1, 1, -2, 3, 2, -3, 0, 5, -1]
SH_T = [0.3, 1.1, 0.0, 2.0, 0.7, 1.4, 2.9, 0.5, 1.9, 2.2, 1.2, 3.14159]
SH_P = [0.0, 0.4, 1.0, 5.5, 2.2, 0.9, 3.3, 6.0, 1.7, 0.1, 4.4, 2.0]
Y = [sph_harm_y(*a) for a in zip(SH_N, SH_M, SH_T, SH_P)]
emit('sph_harm_y_re', [SH_N, SH_M, SH_T, SH_P], [y.real for y in Y])
emit('sph_harm_y_im', [SH_N, SH_M, SH_T, SH_P], [y.imag for y in Y])


def hyp2f1_series(a, b, c, x):
    """sum_k (a)_k (b)_k / ((c)_k k!) x^k in 60-digit decimals, to 1e-40 relative (DLMF 15.2.1), for |x| < 1."""
    a, b, c, x = (Decimal(repr(v)) for v in (a, b, c, x))
    term, total, k = Decimal(1), Decimal(0), 0
    while True:
        total += term
        if term == 0 or (k > 10 and abs(term) < Decimal(10) ** -40 * abs(total)):
            return total
        term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * x
        k += 1


def hyp2f1(a, b, c, x):
    if x == 1:  # Gauss's sum (DLMF 15.4.20), with math.gamma
        return math.gamma(c) * math.gamma(c - a - b) / (math.gamma(c - a) * math.gamma(c - b))
    if x < -0.5:  # Pfaff (DLMF 15.8.1) into (1/3, 1), where the series converges
        w = Decimal(repr(x)) / (Decimal(repr(x)) - 1)
        return float((1 - Decimal(repr(x))) ** Decimal(repr(-a)) * hyp2f1_series(a, c - b, c, float(w)))
    return float(hyp2f1_series(a, b, c, x))


# (a, b, c, x): the series, c - a - b = 0, 1, 1/2 and -2 near x = 1, Pfaff's side, x = 1, and polynomials.
HYP = [(1, 1, 2, 0.5), (1, 1, 2, 0.9), (1, 1, 3, 0.95), (0.5, 0.5, 1.5, 0.81), (2.5, 1.25, 1.75, 0.99),
       (2, 3, 4, -0.6), (0.3, 0.7, 1.9, -3.0), (1.2, 0.4, 2.5, -9.0), (0.5, 1.5, 3.5, 1.0), (-3, 2, 1.5, 2.5),
       (-2, 1.5, -5, 0.7), (1.5, -0.5, 2.25, 0.3), (0.7, 1.3, 2.6, 0.999)]
emit('hyp2f1', [[h[i] for h in HYP] for i in range(4)], [hyp2f1(*h) for h in HYP])
