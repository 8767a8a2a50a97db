"""Writes scaled_dot_general_reference.txt: jax.nn.scaled_dot_general's block quantisation (mxfp8 and
nvfp4) and its products, for ScaledDotGeneralTest. Independent of the Java code: the narrow formats
are decoded from their bit layouts (OCP Microscaling Formats v1.0: e4m3fn with bias 7 and no
infinities, e2m1 with bias 1) into tables of every finite value, and each quantised value is the
nearest table entry, ties to the even code. Scales follow JAX's quantize: amax / MAX in float32,
rounded up to a power of two for mxfp8 (e8m0), stored as e4m3fn of scale / global for nvfp4.
Run from this folder with /usr/bin/python3 (NumPy 1.24):
python3 scaled_dot_general_reference.py > scaled_dot_general_reference.txt
"""
import numpy as np

F32 = np.float32


def table(exp_bits, man_bits, bias, drop_top_code):
    values = []
    for code in range(2 ** (exp_bits + man_bits)):
        e, m = code >> man_bits, code & (2 ** man_bits - 1)
        if e == 0:
            v = m / 2 ** man_bits * 2.0 ** (1 - bias)
        else:
            v = (1 + m / 2 ** man_bits) * 2.0 ** (e - bias)
        values.append(v)
    if drop_top_code:  # e4m3fn's S.1111.111 is NaN
        values = values[:-1]
    return np.array(values)


E4M3 = table(4, 3, 7, True)
E2M1 = table(2, 1, 1, False)


def to_format(x, tab):
    """Nearest value of the (non-negative) table for |x|, ties to the even code, with x's sign."""
    ax = np.abs(x).astype(np.float64)
    d = np.abs(ax[..., None] - tab)
    best = d.min(axis=-1, keepdims=True)
    ties = d == best
    codes = np.where(ties, np.arange(len(tab)), 10 ** 6)
    even = np.where(ties & (np.arange(len(tab)) % 2 == 0), np.arange(len(tab)), 10 ** 6).min(axis=-1)
    pick = np.where(ties.sum(axis=-1) > 1, even, codes.min(axis=-1))
    return (np.sign(x) * tab[pick]).astype(F32)


def e8m0_up(s):
    """The power of two at or above s (float32), as JAX's cast_to_e8m0_with_rounding_up; 2^-127 for byte 0."""
    bits = s.astype(F32).view(np.uint32)
    exp, mant = bits >> 23, bits & 0x7FFFFF
    up = (mant > 0) & (exp != 0xFE) & ~((exp == 0) & (mant <= 0x400000))
    exp = exp + up
    return np.where(exp == 0, F32(2.0 ** -127), (exp.astype(np.uint32) << 23).view(F32)).astype(F32)


def quantize(x, mode, glob):
    """x [R, K] float32 -> (values [R, K], block scales [R, K / block])."""
    block, tab, top = (32, E4M3, 448.0) if mode == 'mxfp8' else (16, E2M1, 6.0)
    r, k = x.shape
    xb = x.reshape(r, k // block, block)
    amax = np.abs(xb).max(axis=-1)
    wanted = (amax / F32(top)).astype(F32)
    if mode == 'mxfp8':
        scale = e8m0_up(wanted)
    else:
        stored = to_format(np.clip((wanted / F32(glob)).astype(F32), 0, 448), E4M3)
        scale = (stored * F32(glob)).astype(F32)
    safe = np.where(scale == 0, F32(1), scale)
    q = to_format(np.clip((xb / safe[..., None]).astype(F32), -top, top), tab)
    return q.reshape(r, k), scale


def scaled_matmul(a, b, mode, glob):
    """a [M, K], b [N, K] -> [M, N] of the dequantised products, in float64."""
    qa, sa = quantize(a, mode, glob)
    qb, sb = quantize(b, mode, glob)
    block = k_block(mode)
    da = qa.astype(np.float64) * np.repeat(sa, block, axis=-1)
    db = qb.astype(np.float64) * np.repeat(sb, block, axis=-1)
    return da @ db.T


def k_block(mode):
    return 32 if mode == 'mxfp8' else 16


def emit(name, values):
    print(f'{name}: ' + ' '.join(repr(float(v)) for v in np.ravel(values)))


rng = np.random.RandomState(7)
M, K, N = 32, 64, 32
# Magnitudes spread over decades, so that blocks get different scales.
lhs = (rng.standard_normal((M, K)) * 10.0 ** rng.uniform(-3, 2, (M, 1))).astype(F32)
rhs = (rng.standard_normal((K, N)) * 10.0 ** rng.uniform(-2, 1, (1, N))).astype(F32)
g = rng.standard_normal((M, N)).astype(F32)
emit('lhs', lhs)
emit('rhs', rhs)
emit('g', g)
emit('round_e4m3.x', [0.1, -0.1, 447.0, 300.0, 0.0009765625, 0.00146484375, 0.017578125, -17.0, 0.0])
emit('round_e4m3', to_format(np.array([0.1, -0.1, 447.0, 300.0, 0.0009765625, 0.00146484375, 0.017578125, -17.0, 0.0], F32), E4M3))
emit('round_e2m1.x', [0.25, 0.75, 1.25, 2.5, 3.5, 5.0, -5.5, 0.2, -0.3])
emit('round_e2m1', to_format(np.array([0.25, 0.75, 1.25, 2.5, 3.5, 5.0, -5.5, 0.2, -0.3], F32), E2M1))
for mode, glob in (('mxfp8', 1.0), ('nvfp4', 0.5)):
    # out[m, n] = sum_k lhs[m, k] rhs[k, n]; rhs is laid out [N, K].
    emit(f'{mode}.out', scaled_matmul(lhs, rhs.T.copy(), mode, glob))
    # Cotangents as JAX's VJP forms them: da = g . rhs over N, db = g^T . lhs over M, g quantised too.
    emit(f'{mode}.dlhs', scaled_matmul(g, rhs.copy(), mode, glob))
    emit(f'{mode}.drhs', scaled_matmul(g.T.copy(), lhs.T.copy(), mode, glob).T)
