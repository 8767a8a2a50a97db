"""Writes spectral_reference.txt: inputs and NumPy/SciPy (LAPACK, float64) results for the QR,
eigh and SVD based functions that JnpSpectralReferenceTest checks.
Run from this folder with python3, NumPy 2.x and SciPy: python3 spectral_reference.py > spectral_reference.txt

One line per array, 'name: v1 v2 ...' row-major in Python's repr; the test knows the shapes.
Factors whose signs are a convention (q, u, vh, eigenvectors) are stored with each column's (or
vh row's) largest-magnitude entry made positive; the test normalizes its own the same way.
"""
import numpy as np
import scipy.linalg as sla

rng = np.random.default_rng(20261207)


def put(name, a):
    a = np.asarray(a, dtype=np.float64)
    print(f"{name}: {' '.join(repr(float(v)) for v in a.ravel())}".rstrip())


def col_signs(m):
    """m with each column scaled by the sign of its largest-magnitude entry."""
    m = np.array(m)
    idx = np.argmax(np.abs(m), axis=0)
    s = np.sign(m[idx, np.arange(m.shape[1])])
    s[s == 0] = 1
    return m * s


def data(*shape):
    return np.round(rng.uniform(-3, 3, shape), 2)


# Matrices: tall, wide, square, symmetric with distinct and with repeated eigenvalues,
# rank-deficient, ill-conditioned.
tall = data(5, 3)
wide = data(3, 5)
square = data(4, 4)
sym = data(4, 4); sym = sym + sym.T
q0, _ = np.linalg.qr(data(4, 4))
rep = q0 @ np.diag([2.0, 2.0, -1.0, 5.0]) @ q0.T          # eigenvalue 2 twice
rankdef = data(5, 2) @ data(2, 4)                          # rank 2
ill = np.vander(np.linspace(1, 2, 5), 5, increasing=True)  # cond ~ 1e6
for name, a in [('tall', tall), ('wide', wide), ('square', square), ('sym', sym), ('rep', rep),
                ('rankdef', rankdef), ('ill', ill)]:
    put(name, a)

# jnp.linalg.qr, reduced and complete; scipy.linalg.qr full.
for name, a in [('tall', tall), ('wide', wide), ('square', square), ('ill', ill)]:
    q, r = np.linalg.qr(a, mode='reduced')
    s = np.sign(np.diag(r)); s[s == 0] = 1
    put(f'qr_{name}_q', q * s)
    put(f'qr_{name}_r', r * s[:, None])
q, r = np.linalg.qr(tall, mode='complete')
put('qr_complete_tall_r_absdiag', np.abs(np.diag(r)))

# eigh and eigvalsh (distinct eigenvalues: vectors up to sign; repeated: the projector).
for name, a in [('sym', sym), ('ill', ill @ ill.T)]:
    w, v = np.linalg.eigh(a)
    put(f'eigh_{name}_in', a)
    put(f'eigh_{name}_w', w)
    put(f'eigh_{name}_v', col_signs(v))
w, v = np.linalg.eigh(rep)
put('eigh_rep_w', w)
put('eigh_rep_p2', v[:, :2] @ v[:, :2].T) if w[0] == w[1] or abs(w[0] - w[1]) < 1e-9 else put('eigh_rep_p2', v[:, 1:3] @ v[:, 1:3].T)
put('eigh_U_w', np.linalg.eigvalsh(np.triu(sym) + np.triu(sym, 1).T, UPLO='U'))

# svd (full and reduced), svdvals.
for name, a in [('tall', tall), ('wide', wide), ('square', square), ('ill', ill)]:
    u, s, vh = np.linalg.svd(a, full_matrices=False)
    put(f'svd_{name}_s', s)
    put(f'svd_{name}_u', col_signs(u))
    put(f'svd_{name}_vh', col_signs(vh.T).T)
put('svd_rankdef_s', np.linalg.svd(rankdef, compute_uv=False))

# lstsq, pinv, matrix_rank, cond, norm.
b = data(5, 2)
x, res, rank, s = np.linalg.lstsq(tall, b, rcond=None)
put('lstsq_b', b); put('lstsq_x', x); put('lstsq_res', res); put('lstsq_rank', rank); put('lstsq_s', s)
x, res, rank, s = np.linalg.lstsq(rankdef, b, rcond=None)
put('lstsq_rankdef_x', x); put('lstsq_rankdef_rank', rank)
for name, a in [('tall', tall), ('wide', wide), ('rankdef', rankdef)]:
    put(f'pinv_{name}', np.linalg.pinv(a))
put('pinv_sym_hermitian', np.linalg.pinv(sym, hermitian=True))
put('rank', [np.linalg.matrix_rank(a) for a in (tall, wide, square, rankdef, ill)])
put('rank_rtol', [np.linalg.matrix_rank(rankdef, rtol=0.5), np.linalg.matrix_rank(square, rtol=0.5)])
put('cond_square', [np.linalg.cond(square, p) for p in (None, 2, -2, 'fro', 'nuc', 1, -1, np.inf, -np.inf)])
put('cond_ill', [np.linalg.cond(ill)])
put('cond_tall', [np.linalg.cond(tall), np.linalg.cond(tall, -2)])
put('norm_square', [np.linalg.norm(square, o) for o in (2, -2, 'nuc', 'fro')])
stack = data(2, 3, 4)
put('norm_stack_in', stack)
put('norm_stack_2', np.linalg.norm(stack, 2, axis=(1, 2)))
put('norm_stack_nuc_02', np.linalg.norm(stack, 'nuc', axis=(0, 2)))
put('matrix_norm_stack', np.linalg.matrix_norm(stack, ord='nuc'))

# scipy.linalg.polar (right and left), eigh.
u, p = sla.polar(square, side='right')
put('polar_right_u', u); put('polar_right_p', p)
u, p = sla.polar(tall, side='left')
put('polar_left_u', u); put('polar_left_p', p)
put('scipy_eigh_upper_w', sla.eigh(np.triu(sym) + np.triu(sym, 1).T, lower=False, eigvals_only=True))
