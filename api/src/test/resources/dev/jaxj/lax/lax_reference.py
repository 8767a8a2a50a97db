"""Writes lax_reference.txt: NumPy's, SciPy's and mpmath's results for the jax.lax functions that
LaxReferenceTest checks, with the inputs beside them so that Java builds exactly the same arrays.
Run with python3 (NumPy 2.x, SciPy, mpmath) from this folder: python3 lax_reference.py > lax_reference.txt

Line format: name|kind|shape|values (kind float, int or bool; floats as repr of float64).
Names starting with 'in.' are inputs; the others are expected results. Every reference here is
computed by a definition independent of jaxj's algorithm (loops, NumPy's own routines, rounding of
values as exact fractions for reduce_precision, mpmath for derivatives).
"""
import math
from fractions import Fraction

import mpmath
import numpy as np
import scipy.special as sp

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from reference_lines import emit, inp  # noqa: E402  (the shared line format, one folder up)


rng = np.random.default_rng(20261207)

# Shapes ----------------------------------------------------------------------------------------
x = inp('x234', rng.normal(size=(2, 3, 4)))
emit('broadcast', np.broadcast_to(x, (5, 2, 3, 4)))
emit('collapse1', x.reshape(2, 12))
emit('collapse02', x.reshape(6, 4))
emit('slice_in_dim', x[:, :, -3:4:2])
emit('index_in_dim', x[:, -1, :])
emit('split0', x[:, :, 0:1])
emit('split1', x[:, :, 1:4])
src = inp('src', rng.normal(size=(5, 6, 7)))
i0 = inp('i0', np.array([0, 4, -1, 7], dtype=np.int32))
i2 = inp('i2', np.array([6, -7, 3, 15], dtype=np.int32))
emit('index_take', src[np.mod(i0, 5), :, np.mod(i2, 7)])

# Bits (of the two's complement patterns; NumPy's bitwise_count counts the absolute value) ------------------------------------------------------------------------------------------
ints = np.array([0, 1, -1, 2 ** 31 - 1, -2 ** 31, 12345, -987654, 1 << 20, 255, 7], dtype=np.int64)
i32 = inp('bits_i32', ints.astype(np.int32))
emit('popcount_i32', np.array([bin(int(v) & 0xFFFFFFFF).count('1') for v in i32], dtype=np.int32))
emit('clz_i32', np.array([32 - (int(v) & 0xFFFFFFFF).bit_length() for v in i32], dtype=np.int32))
# Java reads the values back as doubles; only ones that a double holds exactly are inputs.
i64 = inp('bits_i64', np.array([0, 1, -1, -2 ** 63, 2 ** 40 + 5, -3, 1 << 33, 123456789012345, 9, 2 ** 52 + 1], dtype=np.int64))
emit('popcount_i64', np.array([bin(int(v) & 0xFFFFFFFFFFFFFFFF).count('1') for v in i64], dtype=np.int64))
emit('clz_i64', np.array([64 - (int(v) & 0xFFFFFFFFFFFFFFFF).bit_length() for v in i64], dtype=np.int64))
u32 = inp('bits_u32', np.array([0, 1, 2 ** 32 - 1, 2 ** 31, 65535, 3, 1 << 17, 4000000000], dtype=np.uint32))
emit('popcount_u32', np.array([bin(int(v)).count('1') for v in u32], dtype=np.uint32))
emit('clz_u32', np.array([32 - int(v).bit_length() for v in u32], dtype=np.uint32))


def round_value(v, exponent_bits, mantissa_bits, source_exponent_bits):
    """A float rounded to nearest-even on the grid of a format with the given field widths, by
    value (exact rationals): normals keep mantissa_bits + 1 significant bits; overflow gives a
    signed infinity and results below the smallest normal give a signed zero, as XLA's
    ReducePrecision defines. A format with the source's exponent width keeps the source's
    range (its subnormals included) and only rounds."""
    if math.isnan(v) or math.isinf(v) or v == 0:
        return v
    narrow = exponent_bits < source_exponent_bits
    bits = exponent_bits if narrow else source_exponent_bits
    emax = 2 ** (bits - 1) - 1
    emin = 1 - emax
    _, e = math.frexp(v)                                     # v = m * 2**e, 0.5 <= |m| < 1
    quantum = (e if narrow else max(e, emin + 1)) - 1 - mantissa_bits
    q = Fraction(v) / Fraction(2) ** quantum
    n = round(q)                                             # Python rounds halves to even
    r = Fraction(n) * Fraction(2) ** quantum
    if abs(r) >= Fraction(2) ** (emax + 1):
        return math.copysign(math.inf, v)
    if narrow and abs(r) < Fraction(2) ** emin:
        return math.copysign(0.0, v)
    return float(r)


rp = [1.0, -1.0, 3.14159265, -2.718281828, 1.00390625, 1.01171875, 1e-3, -7.5e-6, 6.0e-5, 65504.0, 65519.0, 65520.0,
      -70000.0, 1e30, -1e-30, 0.1, 1.0 / 3.0, 255.9, 256.5, 257.5, math.inf, -math.inf, math.nan, 0.0, -0.0]
rp32 = inp('rp32', np.array(rp, dtype=np.float32).astype(np.float64))
emit('rp32_8_7', [round_value(v, 8, 7, 8) for v in rp32])
emit('rp32_5_10', [round_value(v, 5, 10, 8) for v in rp32])
emit('rp32_5_2', [round_value(v, 5, 2, 8) for v in rp32])
rp64 = inp('rp64', np.array(rp[:10] + [1e-40, 1e300, 1.0 + 2.0 ** -30, math.nan, -0.0], dtype=np.float64))
emit('rp64_8_23', [round_value(v, 8, 23, 11) for v in rp64])
emit('rp64_11_40', [round_value(v, 11, 40, 11) for v in rp64])

# Reductions and scans --------------------------------------------------------------------------
r = inp('r', rng.uniform(-0.5, 0.5, size=(3, 5, 4)))
emit('reduce_sum_1', r.sum(axis=1))
emit('reduce_sum_init', r.sum(axis=(0, 2)) + 5.0)
# (a, b) -> a*b + a + b is associative with identity 0: the product of (1 + x), minus 1.
emit('reduce_affine_1', np.prod(1 + r, axis=1) - 1)
emit('reduce_affine_all', np.prod(1 + r) - 1)
emit('reduce_max_1', r.max(axis=1))
emit('reduce_argmax_1', r.argmax(axis=1).astype(np.int32))
xi = inp('xor_in', rng.integers(-1000, 1000, size=(4, 6)).astype(np.int32))
emit('reduce_xor_1', np.bitwise_xor.reduce(xi, axis=1))
emit('reduce_xor_all', np.bitwise_xor.reduce(xi.ravel()))
c = inp('clse', np.array([[0.5, -1.0, 3.0, -np.inf, 2.0, 700.0], [-np.inf, -np.inf, 0.0, 1e-3, -5.0, 1.0]]))
emit('cumlogsumexp_1', np.logaddexp.accumulate(c, axis=1))
emit('cumlogsumexp_1_rev', np.flip(np.logaddexp.accumulate(np.flip(c, 1), axis=1), 1))
s = inp('scan_x', rng.normal(size=(7, 3)))
emit('scan_cumsum_0', np.cumsum(s, axis=0))
# Affine maps v -> a v + b composed in order: (a1, b1) then (a2, b2) is (a2 a1, a2 b1 + b2).
sa = inp('scan_a', rng.uniform(0.5, 1.5, size=(3, 11)))
sb = inp('scan_b', rng.normal(size=(3, 11)))


def affine_scan(a, b):
    ra, rb = np.empty_like(a), np.empty_like(b)
    for i in range(a.shape[0]):
        ca, cb = a[i, 0], b[i, 0]
        ra[i, 0], rb[i, 0] = ca, cb
        for j in range(1, a.shape[1]):
            ca, cb = a[i, j] * ca, a[i, j] * cb + b[i, j]
            ra[i, j], rb[i, j] = ca, cb
    return ra, rb


fa, fb = affine_scan(sa, sb)
emit('affine_a', fa)
emit('affine_b', fb)
ra_, rb_ = affine_scan(np.flip(sa, 1), np.flip(sb, 1))
emit('affine_a_rev', np.flip(ra_, 1))
emit('affine_b_rev', np.flip(rb_, 1))

# Sorting ---------------------------------------------------------------------------------------
t = inp('topk', np.array([[3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0], [2.0, 7.0, 1.0, 8.0, 2.0, 8.0, 1.0, 8.0]]))
order = np.argsort(-t, axis=1, kind='stable')[:, :3]
emit('topk_values', np.take_along_axis(t, order, 1))
emit('topk_indices', order.astype(np.int32))
order_min = np.argsort(t, axis=1, kind='stable')[:, :2]
emit('mink_values', np.take_along_axis(t, order_min, 1))
emit('mink_indices', order_min.astype(np.int32))
vals = inp('skv_vals', np.arange(16, dtype=np.int32).reshape(2, 8))
o = np.argsort(t, axis=1, kind='stable')
emit('skv_keys', np.take_along_axis(t, o, 1))
emit('skv_vals_sorted', np.take_along_axis(vals, o, 1))

# Contractions ----------------------------------------------------------------------------------
a = inp('mat_a', rng.normal(size=(3, 4)))
b = inp('mat_b', rng.normal(size=(4, 2)))
v = inp('vec_v', rng.normal(size=(4,)))
emit('dot_mm', a @ b)
emit('dot_mv', a @ v)
emit('dot_vv', v @ v)
ba = inp('bm_a', rng.normal(size=(2, 3, 4, 5)))
bb = inp('bm_b', rng.normal(size=(2, 3, 5, 2)))
emit('batch_matmul', ba @ bb)
rl = inp('rd_lhs', rng.normal(size=(7, 3)))
rr = inp('rd_rhs', rng.normal(size=(3, 3, 2)))
gs = inp('rd_groups', np.array([2, 0, 4], dtype=np.int32))
out = np.zeros((7, 2))
start = 0
for g, size in enumerate(gs):
    out[start:start + size] = rl[start:start + size] @ rr[g]
    start += size
emit('ragged_dot', out)


def conv_reference(lhs, rhs, strides, pads, lhs_dil, rhs_dil):
    """XLA's ConvGeneralDilated for NCHW inputs and OIHW kernels, by its definition: dilate the
    input, pad it, and correlate it with the dilated kernel at the strides."""
    n, cin, h, w = lhs.shape
    cout, _, kh, kw = rhs.shape
    dh, dw = (h - 1) * lhs_dil[0] + 1, (w - 1) * lhs_dil[1] + 1
    dil = np.zeros((n, cin, dh, dw))
    dil[:, :, ::lhs_dil[0], ::lhs_dil[1]] = lhs
    (pt, pb), (pl, pr) = pads
    padded = np.zeros((n, cin, dh + pt + pb, dw + pl + pr))
    padded[:, :, pt:pt + dh, pl:pl + dw] = dil
    ekh, ekw = (kh - 1) * rhs_dil[0] + 1, (kw - 1) * rhs_dil[1] + 1
    oh = (padded.shape[2] - ekh) // strides[0] + 1
    ow = (padded.shape[3] - ekw) // strides[1] + 1
    out = np.zeros((n, cout, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = padded[:, :, i * strides[0]:i * strides[0] + ekh:rhs_dil[0], j * strides[1]:j * strides[1] + ekw:rhs_dil[1]]
            out[:, :, i, j] = np.einsum('nchw,ochw->no', patch, rhs)
    return out


def same_pads(size, window, stride):
    out = -(-size // stride)
    total = max(0, (out - 1) * stride + window - size)
    return total // 2, total - total // 2


cl = inp('conv_lhs', rng.normal(size=(2, 3, 7, 6)))
cr = inp('conv_rhs', rng.normal(size=(4, 3, 3, 2)))
emit('conv_valid_s2', conv_reference(cl, cr, (2, 1), ((0, 0), (0, 0)), (1, 1), (1, 1)))
emit('conv_same_s2', conv_reference(cl, cr, (2, 2), (same_pads(7, 3, 2), same_pads(6, 2, 2)), (1, 1), (1, 1)))
emit('conv_general', conv_reference(cl, cr, (1, 2), ((1, 2), (0, 1)), (2, 1), (1, 2)))
# conv_transpose with transpose_kernel=True is the gradient of a strided VALID convolution with
# respect to its input: the adjoint, computed here as the transposed matrix of conv_reference.
ty = inp('ct_lhs', rng.normal(size=(1, 2, 3, 3)))      # NCHW gradient of an output with 2 features
tk = inp('ct_rhs', rng.normal(size=(2, 3, 3, 3)))      # OIHW kernel of the forward convolution: 3 -> 2 features
in_shape = (1, 3, 8, 8)                                # forward input: (8 - 3) // 2 + 1 = 3
basis = np.eye(int(np.prod(in_shape))).reshape((-1,) + in_shape)
forward = np.stack([conv_reference(e, tk, (2, 2), ((0, 0), (0, 0)), (1, 1), (1, 1)).ravel() for e in basis])
emit('conv_transpose_valid', (forward @ ty.ravel()).reshape(in_shape)[:, :, :7, :7])
pl_ = inp('patch_lhs', rng.normal(size=(2, 2, 5, 4)))
oh, ow = (5 - 3) // 1 + 1, (4 - 2) // 2 + 1
p = np.zeros((2, 2 * 3 * 2, oh, ow))
for ch in range(2):
    for di in range(3):
        for dj in range(2):
            p[:, ch * 6 + di * 2 + dj] = pl_[:, ch, di:di + oh, dj:dj + 2 * ow - 1:2]
emit('patches_valid', p)

# Special functions -----------------------------------------------------------------------------
ga = inp('ga', np.array([0.5, 1.0, 2.5, 7.0, 0.1, 30.0]))
gx = inp('gx', np.array([0.3, 2.0, 1.5, 9.0, 0.01, 25.0]))
emit('igamma', sp.gammainc(ga, gx))
emit('igammac', sp.gammaincc(ga, gx))
mpmath.mp.dps = 40
grad_a = [float(mpmath.diff(lambda s: mpmath.gammainc(s, 0, xv, regularized=True), av)) for av, xv in zip(ga, gx)]
emit('igamma_grad_a', grad_a)
pdf = [float(mpmath.exp((av - 1) * mpmath.log(xv) - xv - mpmath.loggamma(av))) for av, xv in zip(ga, gx)]
emit('random_gamma_grad', [-g / d for g, d in zip(grad_a, pdf)])
bb_ = inp('bb', np.array([0.5, 3.0, 1.5, 2.0, 10.0, 0.7]))
bx = inp('bx', np.array([0.2, 0.5, 0.9, 0.01, 0.6, 0.33]))
emit('betainc', sp.betainc(ga, bb_, bx))
pm = inp('pm', np.array([0.0, 1.0, 2.0, 3.0, 1.0, 4.0]))
px = inp('px', np.array([0.5, 1.5, 2.0, 7.25, 30.0, 3.0]))
emit('polygamma', sp.polygamma(pm.astype(int), px))
zx = inp('zx', np.array([2.0, 3.5, 1.5, 10.0, 4.0, 2.0]))
zq = inp('zq', np.array([1.0, 0.5, 2.0, 3.0, 10.0, 0.25]))
emit('zeta', sp.zeta(zx, zq))
bi = inp('bi', np.array([-30.0, -2.5, -0.1, 0.0, 0.7, 4.0, 50.0]))
emit('i0e', sp.i0e(bi))
emit('i1e', sp.i1e(bi))

# Windows ---------------------------------------------------------------------------------------


def reduce_window_reference(x, init, fn, window, strides, pads, base_dil, win_dil):
    """XLA's ReduceWindow by its definition: dilate the operand and pad it with the init value,
    then fold fn from the init over each (dilated) window at the strides."""
    shape = [(n - 1) * b + 1 if n > 0 else 0 for n, b in zip(x.shape, base_dil)]
    dil = np.full(shape, init, dtype=x.dtype)
    dil[tuple(slice(None, None, b) for b in base_dil)] = x
    padded = np.full([s + lo + hi for s, (lo, hi) in zip(shape, pads)], init, dtype=x.dtype)
    padded[tuple(slice(lo, lo + s) for s, (lo, _) in zip(shape, pads))] = dil
    eff = [(w - 1) * d + 1 for w, d in zip(window, win_dil)]
    out_shape = [(p - e) // s + 1 for p, e, s in zip(padded.shape, eff, strides)]
    out = np.empty(out_shape, dtype=x.dtype)
    for idx in np.ndindex(*out_shape):
        acc = init
        for k in np.ndindex(*window):
            acc = fn(acc, padded[tuple(i * s + j * d for i, s, j, d in zip(idx, strides, k, win_dil))])
        out[idx] = acc
    return out


w = inp('win', rng.uniform(0.5, 1.5, size=(5, 6)))
emit('window_prod', reduce_window_reference(w, 1.0, lambda a, b: a * b, (2, 3), (1, 2), ((1, 0), (0, 2)), (1, 1), (1, 1)))
emit('window_max_dilated', reduce_window_reference(w, -np.inf, max, (2, 2), (2, 1), ((0, 1), (1, 1)), (2, 1), (1, 2)))
emit('window_sum_init', reduce_window_reference(w, 3.0, lambda a, b: a + b, (3, 2), (1, 1), ((0, 0), (0, 0)), (1, 1), (1, 1)))
emit('window_sum_valid', reduce_window_reference(w, 0.0, lambda a, b: a + b, (2, 2), (2, 2), ((0, 0), (0, 0)), (1, 1), (1, 1)))

# An unshared convolution: each output position has its own kernel over the patch features
# (channel-major, then window positions in row-major order), as lax.conv_general_dilated_local defines.
ll = inp('local_lhs', rng.normal(size=(2, 2, 5, 4)))
lr = inp('local_rhs', rng.normal(size=(3, 2 * 3 * 2, 3, 2)))
local = np.zeros((2, 3, 3, 2))
for y in range(3):
    for x_ in range(2):
        patch = ll[:, :, y:y + 3, 2 * x_:2 * x_ + 2].reshape(2, -1)
        local[:, :, y, x_] = patch @ lr[:, :, y, x_].T
emit('conv_local', local)

# scatter_apply: func applied once per update that lands on a position (repeatedly where indices coincide).
sx = inp('sa_x', rng.normal(size=(6,)))
sa = sx.copy()
for i in [1, 4, 1, 7]:                       # 7 is out of bounds: dropped
    if 0 <= i < 6:
        sa[i] = 2 * sa[i] + 1
emit('scatter_apply_1d', sa)
sm = inp('sa_m', rng.normal(size=(4, 3)))
sr = sm.copy()
for i in [0, 2, 0]:                          # whole rows
    sr[i] = np.sin(sr[i])
emit('scatter_apply_rows', sr)
