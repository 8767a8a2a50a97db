"""Writes misc_reference.txt: NumPy's (and SciPy's) results for the cases JnpMiscReferenceTest
checks, with the inputs beside them so that Java builds exactly the same arrays.
Run with python3, NumPy 2.x and SciPy from this folder: python3 misc_reference.py > misc_reference.txt

Line format: name|dtype|shape|values (space separated, repr of float64; integers and bools as ints).
Names starting with 'in.' are inputs; the others are expected results. JAX's dtypes differ from
NumPy's in places (windows are f32 in JAX); the Java test states the dtype it expects itself.
"""
import numpy as np
import scipy.special as sp
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from reference_lines import emit, inp  # noqa: E402  (the shared line format, one folder up)


# Polynomials
p = inp('p', [2.0, -3.0, 0.5, 4.0])
x = inp('x', [-1.5, -0.2, 0.0, 0.7, 2.3])
emit('polyval', np.polyval(p, x))
a = inp('a', [1.0, 2.0, 3.0])
b = inp('b', [4.0, 5.0])
c = inp('c', [4.0, 5.0, -1.0, 0.25])
emit('polyadd', np.polyadd(a, b))
emit('polyadd_rev', np.polyadd(b, a))
emit('polysub', np.polysub(b, c))
emit('polymul', np.polymul(a, c))
emit('polyder1', np.polyder(c))
emit('polyder2', np.polyder(c, 2))
emit('polyint1', np.polyint(c))
emit('polyint2k', np.polyint(c, 2, [1.5, -2.0]))
emit('polyint3s', np.polyint(a, 3, 0.5))
roots = inp('roots', [1.0, -2.0, 0.5, 3.0])
emit('poly', np.poly(roots))
z = inp('z', [0.0, 0.0, 1.0, 2.0, 0.0, 3.0, 0.0, 0.0])
emit('trim_fb', np.trim_zeros(z))
emit('trim_f', np.trim_zeros(z, 'f'))
emit('trim_b', np.trim_zeros(z, 'b'))
z2 = inp('z2', np.array([[0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 2.0, 0.0], [0.0, 3.0, 0.0, 0.0]]))
emit('trim2', np.trim_zeros(z2))
emit('trim2_f_axis1', np.trim_zeros(z2, 'f', axis=1))

# Windows and I0
emit('hamming7', np.hamming(7))
emit('hanning8', np.hanning(8))
emit('blackman9', np.blackman(9))
emit('bartlett6', np.bartlett(6))
emit('kaiser10', np.kaiser(10, 5.0))
emit('kaiser7', np.kaiser(7, 14.0))
xi = inp('xi', [-40.0, -12.5, -1.0, 0.0, 0.3, 3.0, 29.9, 30.0, 30.1, 55.0, 200.0, 700.0])
emit('i0', sp.i0(xi))

# Convolution
u = inp('u', [1.0, 2.0, 3.0, -1.0, 0.5])
v = inp('v', [0.5, -1.0, 2.0])
for mode in ('full', 'same', 'valid'):
    emit('convolve_' + mode, np.convolve(u, v, mode))
    emit('convolve_rev_' + mode, np.convolve(v, u, mode))
    emit('correlate_' + mode, np.correlate(u, v, mode))
    emit('correlate_rev_' + mode, np.correlate(v, u, mode))

# Interpolation
xp = inp('xp', [0.0, 1.0, 2.5, 4.0])
fp = inp('fp', [1.0, -1.0, 3.0, 0.0])
xq = inp('xq', [-1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0])
emit('interp', np.interp(xq, xp, fp))
emit('interp_lr', np.interp(xq, xp, fp, left=-9.0, right=9.0))
xpp = inp('xpp', [350.0, 10.0, 100.0, 200.0])
fpp = inp('fpp', [0.0, 2.0, -1.0, 4.0])
xqp = inp('xqp', [-30.0, 0.0, 5.0, 150.0, 355.0, 400.0])
emit('interp_period', np.interp(xqp, xpp, fpp, period=360.0))

# Differences and calculus
m = inp('m', np.array([[1.0, 4.0, 9.0, 16.0], [2.0, -3.0, 0.5, 7.0]]))
emit('diff', np.diff(m))
emit('diff2_axis0_pre', np.diff(m, 2, axis=0, prepend=0.0))
emit('diff_app', np.diff(m, 1, axis=1, append=np.array([[1.0], [2.0]])))
emit('ediff1d', np.ediff1d(np.array([1.0, 4.0, 9.0, 16.0]), to_end=[99.0], to_begin=[-5.0]))
f = inp('f', [1.0, 4.0, 9.0, 16.0, 25.0, 36.0])
emit('gradient', np.gradient(f))
emit('gradient_h', np.gradient(f, 0.5))
cx = inp('cx', [0.0, 1.0, 1.5, 3.5, 4.0, 6.0])
emit('gradient_x', np.gradient(f, cx))
g = inp('g', np.array([[1.0, 2.0, 4.0, 7.0], [3.0, 5.0, 6.0, 11.0], [0.0, -1.0, 8.0, 2.0]]))
gy, gx = np.gradient(g)
emit('gradient2_0', gy)
emit('gradient2_1', gx)
emit('trapezoid_dx', np.trapezoid(g, dx=0.5))
emit('trapezoid_x', np.trapezoid(g, cx[:4], axis=1))
emit('trapezoid_axis0', np.trapezoid(g, axis=0))

# Integer and float functions
i1 = inp('i1', np.array([12, -18, 0, 7, 0, 100, 2147483647], dtype=np.int32))
i2 = inp('i2', np.array([8, 24, 5, -3, 0, -75, 1], dtype=np.int32))
emit('gcd', np.gcd(i1, i2))
emit('lcm', np.lcm(i1[:6], i2[:6]))
fa = inp('fa', [-7.0, 7.0, -7.5, 7.5, 0.5])
fb = inp('fb', [2.0, -2.0, 2.0, -2.0, -0.25])
emit('fmod', np.fmod(fa, fb))
q, r = np.divmod(fa, fb)
emit('divmod_q', q)
emit('divmod_r', r)
ia = inp('ia', np.array([-7, 7, -7, 7, 5], dtype=np.int32))
ib = inp('ib', np.array([2, -2, -2, 2, 0], dtype=np.int32))
with np.errstate(all='ignore'):
    emit('fmod_int', np.fmod(ia, ib))
mf = inp('mf', [-2.5, 3.75, 0.0, 1e10 + 0.5, -1e-3])
frac, whole = np.modf(mf)
emit('modf_frac', frac)
emit('modf_whole', whole)
fr = inp('fr', [8.0, -3.0, 0.1, 1e-310, 0.0, 1e300, -5e-324])
mant, ex = np.frexp(fr)
emit('frexp_m', mant)
emit('frexp_e', ex)
fr32 = inp('fr32', np.array([8.0, -3.0, 0.1, 1e-40, 3e38], dtype=np.float32))
mant, ex = np.frexp(fr32)
emit('frexp32_m', mant)
emit('frexp32_e', ex)
lx = inp('lx', [1.5, -3.0, 0.1, 1e-300, 5e-324, 2.0])
le = inp('le', np.array([3, -4, 1000, 500, 1074, -1075], dtype=np.int32))
emit('ldexp', np.ldexp(lx, le))
sx32 = inp('sx32', np.array([1.0, -1.0, 0.0, 1e-40, 3.4e38, 1e10], dtype=np.float32))
emit('spacing32', np.spacing(sx32))
sx = inp('sx', [1.0, -2.0, 0.0, 1e300])
emit('spacing', np.spacing(sx))
sc = inp('sc', [-2.5, -1.0, 0.0, 1e-5, 0.5, 3.3])
emit('sinc', np.sinc(sc))
emit('float_power', np.float_power(np.array([2.0, 0.5, 9.0]), np.array([-1.5, 3.0, 0.5])))

# Products and structured matrices
k1 = inp('k1', np.array([[1.0, 2.0], [3.0, -1.0]]))
k2 = inp('k2', np.array([[0.5, 1.0, -2.0], [4.0, 0.0, 1.0]]))
emit('kron', np.kron(k1, k2))
emit('kron_1d', np.kron(np.array([1.0, -2.0]), k2))
ca = inp('ca', np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]]))
cb = inp('cb', [4.0, -5.0, 6.0])
emit('cross', np.cross(ca, cb))
emit('cross_2_3', np.cross(np.array([1.0, 2.0]), cb))
emit('cross_2_2', np.cross(np.array([1.0, 2.0]), np.array([3.0, -4.0])))
emit('cross_axis0', np.cross(ca.T, np.array([[4.0, 1.0], [-5.0, 0.0], [6.0, 2.0]]), axis=0))
vx = inp('vx', [2.0, 3.0, -1.0, 0.5])
emit('vander', np.vander(vx))
emit('vander3_inc', np.vander(vx, 3, increasing=True))
emit('tri_3_5_1', np.tri(3, 5, 1))
emit('tri_4_2_m1', np.tri(4, 2, -1))
rt = inp('rt', np.arange(12.0).reshape(2, 3, 2))
for k in (1, 2, 3, -1):
    emit(f'rot90_{k}', np.rot90(rt, k))
emit('rot90_12', np.rot90(rt, 1, axes=(1, 2)))
emit('fliplr', np.fliplr(rt))
emit('flipud', np.flipud(rt))
emit('cumsum_init', np.concatenate([np.zeros((2, 1)), np.cumsum(m, axis=1)], axis=1))
emit('cumprod_init', np.concatenate([np.ones((1, 4)), np.cumprod(m, axis=0)], axis=0))

# Selection and functions over axes
sx2 = inp('sx2', [-2.0, -0.5, 0.0, 1.0, 1.5, 3.0])
emit('select', np.select([sx2 < 0, sx2 < 2], [-sx2, sx2 ** 2], 7.0))
emit('piecewise', np.piecewise(sx2, [sx2 < 0, sx2 >= 1], [lambda t: -t, lambda t: t ** 2]))
emit('piecewise_default', np.piecewise(sx2, [sx2 < 0, sx2 >= 1], [lambda t: -t, lambda t: t ** 2, lambda t: t * 10]))
aa = inp('aa', np.arange(24.0).reshape(3, 4, 2) * 0.5 - 3)
emit('apply_along_axis', np.apply_along_axis(lambda t: np.array([t.sum(), t.max()]), 1, aa))
emit('apply_along_axis_0', np.apply_along_axis(lambda t: np.array([t.sum(), t.max()]), 0, aa))
emit('apply_along_axis_2', np.apply_along_axis(lambda t: np.array([t.sum(), t.max()]), 2, aa))
emit('apply_along_axis_scalar', np.apply_along_axis(np.prod, -1, aa))
emit('apply_over_axes', np.apply_over_axes(np.sum, aa, [0, 2]))

# dtype information
for d in (np.float32, np.float64):
    fi = np.finfo(d)
    emit('finfo.' + np.dtype(d).name, [fi.bits, fi.eps, fi.epsneg, fi.max, fi.min, fi.tiny, fi.smallest_subnormal,
                                       fi.resolution, fi.precision, fi.iexp, fi.machep, fi.maxexp, fi.minexp, fi.negep,
                                       fi.nexp, fi.nmant])
for d in (np.int32, np.int64, np.uint32):
    ii = np.iinfo(d)
    emit('iinfo.' + np.dtype(d).name, np.array([ii.bits, ii.min, ii.max], dtype=object).astype(float) if d == np.uint32 else [ii.bits, ii.min, ii.max])
DTYPES = [np.float32, np.float64, np.int32, np.int64, np.uint32, np.bool_]
for casting in ('no', 'equiv', 'safe', 'same_kind', 'unsafe'):
    emit('can_cast.' + casting, [[np.can_cast(f, t, casting) for t in DTYPES] for f in DTYPES])
CATS = [np.generic, np.number, np.inexact, np.floating, np.complexfloating, np.integer, np.signedinteger,
        np.unsignedinteger, np.bool_]
emit('issubdtype', [[np.issubdtype(d, c) for c in CATS] for d in DTYPES])
