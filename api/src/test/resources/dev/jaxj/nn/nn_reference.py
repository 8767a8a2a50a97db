"""Writes nn_reference.txt: jax.nn's functions evaluated in float64 from their defining formulas
with NumPy and SciPy, for ActivationsReferenceTest. Run from this folder with python3 (NumPy 2.x,
SciPy): python3 nn_reference.py > nn_reference.txt

Each line is 'name: v1 v2 ...' with values printed by repr (round-trip exact). Arrays are
flattened in row-major order; their shapes are fixed by the test.
"""
import numpy as np
from scipy import special

X = np.array([-7.0, -3.0, -2.5, -1.0, -0.6, -0.25, 0.0, 0.3, 0.9, 1.0, 2.0, 3.5, 7.5])
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def softplus(x):
    return np.logaddexp(x, 0.0)


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def relu6(x):
    return np.minimum(np.maximum(x, 0), 6)


ELEMENTWISE = {
    'soft_sign': lambda x: x / (np.abs(x) + 1),
    'hard_sigmoid': lambda x: relu6(x + 3) / 6,
    'hard_silu': lambda x: x * relu6(x + 3) / 6,
    'hard_tanh': lambda x: np.clip(x, -1, 1),
    'celu': lambda x: np.maximum(x, 0) + np.expm1(np.minimum(x, 0)),
    'celu_alpha_0.5': lambda x: np.maximum(x, 0) + 0.5 * np.expm1(np.minimum(x, 0) / 0.5),
    'selu': lambda x: SELU_SCALE * elu(x, SELU_ALPHA),
    'squareplus': lambda x: (x + np.sqrt(x * x + 4)) / 2,
    'squareplus_b_1': lambda x: (x + np.sqrt(x * x + 1)) / 2,
    'mish': lambda x: x * np.tanh(softplus(x)),
    'sparse_plus': lambda x: np.where(x <= -1, 0.0, np.where(x >= 1, x, (x + 1) ** 2 / 4)),
    'sparse_sigmoid': lambda x: 0.5 * np.clip(x + 1, 0, 2),
    'identity': lambda x: x,
}


def emit(name, a):
    print(name + ': ' + ' '.join(repr(float(v)) for v in np.asarray(a, dtype=np.float64).ravel()))


def det(n, scale=1.0, phase=0.0):
    """Deterministic inputs the test rebuilds: scale * sin(0.37 i + phase), i = 0 .. n-1."""
    return scale * np.sin(0.37 * np.arange(n) + phase)


def attention(q, k, v, bias=None, mask=None, causal=False):
    b, t, n, h = q.shape
    s, kh = k.shape[1], k.shape[2]
    g = n // kh
    kk = np.repeat(k, g, axis=2)
    vv = np.repeat(v, g, axis=2)
    logits = np.einsum('btnh,bsnh->bnts', q, kk) / np.sqrt(h)
    if bias is not None:
        logits = logits + bias
    allowed = np.ones(logits.shape, dtype=bool)
    if mask is not None:
        allowed &= mask
    if causal:
        allowed &= np.tril(np.ones((t, s), dtype=bool))
    logits = np.where(allowed, logits, -0.7 * np.finfo(np.float64).max)
    w = special.softmax(logits, axis=-1)
    return np.einsum('bnts,bsnh->btnh', w, vv)


def main():
    emit('x', X)
    for name, f in ELEMENTWISE.items():
        emit(name, f(X))
    emit('log1mexp', np.log(-np.expm1(-np.array([1e-8, 0.01, 0.5, 0.69, 0.7, 2.0, 30.0]))))
    m = det(12).reshape(3, 4)
    emit('logmeanexp_all', special.logsumexp(m) - np.log(12))
    emit('logmeanexp_axis0', special.logsumexp(m, axis=0) - np.log(3))
    emit('glu_last', m[:, :2] * special.expit(m[:, 2:]))
    emit('glu_axis0', det(8).reshape(2, 4)[:1] * special.expit(det(8).reshape(2, 4)[1:]))
    mean = m.mean(-1, keepdims=True)
    var = (m * m).mean(-1, keepdims=True) - mean ** 2
    emit('standardize', (m - mean) / np.sqrt(var + 1e-5))
    # GQA: B=2, T=3, N=4, H=5; S=6, K=2.
    q = det(2 * 3 * 4 * 5, 1.0, 0.1).reshape(2, 3, 4, 5)
    k = det(2 * 6 * 2 * 5, 1.5, 0.7).reshape(2, 6, 2, 5)
    v = det(2 * 6 * 2 * 5, 2.0, 1.3).reshape(2, 6, 2, 5)
    emit('attention', attention(q, k, v))
    bias = det(3 * 6, 0.5, 0.2).reshape(3, 6)
    mask = (np.arange(6) % 3 != 1)
    emit('attention_bias_mask', attention(q, k, v, bias=bias, mask=mask))
    qs = det(2 * 6 * 4 * 5, 1.0, 0.4).reshape(2, 6, 4, 5)
    emit('attention_causal', attention(qs, k, v, causal=True))
    a = det(2 * 3 * 8, 1.0, 0.3).reshape(2, 3, 8)
    bb = det(2 * 4 * 8, 1.0, 0.9).reshape(2, 4, 8)
    sa = det(2 * 3 * 2, 1.0, 2.0).reshape(2, 3, 2)
    sb = det(2 * 4 * 4, 1.0, 0.5).reshape(2, 4, 4)
    emit('scaled_matmul', np.einsum('bmk,bnk->bmn', a * np.repeat(sa, 4, axis=-1), bb * np.repeat(sb, 2, axis=-1)))


main()
