"""Writes linalg_reference.txt: NumPy/SciPy (float64) results that LinalgReferenceTest compares
jaxj's jnp.linalg and jax.scipy.linalg functions with. Inputs are written too (lines 'in.*'),
so the test reads the very matrices used here. Run: python3 linalg_reference.py"""
import numpy as np
import scipy.linalg as sl

rng = np.random.default_rng(20261207)
out = {}

def put(name, x):
    out[name] = np.asarray(x, dtype=np.float64).ravel()

m = rng.normal(size=(4, 4))
spd = m @ m.T + 4 * np.eye(4)
gen = rng.normal(size=(4, 4)) + 2 * np.eye(4)
b = rng.normal(size=(4, 2))
bv = rng.normal(size=4)
batch = rng.normal(size=(2, 3, 3)) + 3 * np.eye(3)
bbatch = rng.normal(size=(2, 3, 2))
rect = rng.normal(size=(3, 5))
hilbert = sl.hilbert(6)
u = rng.normal(size=(3, 2))
singular = u @ rng.normal(size=(2, 3))          # rank 2 of 3
rank1 = np.outer(rng.normal(size=3), rng.normal(size=3))  # rank 1 of 3
x1, x2, x3 = rng.normal(size=(2, 5)), rng.normal(size=(5, 3)), rng.normal(size=(3, 4))
c1, c2 = rng.normal(size=(2, 3)), rng.normal(size=(2, 3))
big = 3 * rng.normal(size=(4, 4))
for k, v in dict(spd=spd, gen=gen, b=b, bv=bv, batch=batch, bbatch=bbatch, rect=rect, hilbert=hilbert,
                 singular=singular, rank1=rank1, x1=x1, x2=x2, x3=x3, c1=c1, c2=c2, big=big).items():
    put("in." + k, v)

def adjugate(a):
    n = a.shape[0]
    c = np.empty_like(a)
    for i in range(n):
        for j in range(n):
            minor = np.delete(np.delete(a, i, 0), j, 1)
            c[i, j] = (-1) ** (i + j) * np.linalg.det(minor)
    return c.T

put("cholesky.spd", np.linalg.cholesky(spd))
put("cholesky.hilbert", np.linalg.cholesky(hilbert))
put("cholesky_upper.spd", np.linalg.cholesky(spd).T)
put("solve.gen.b", np.linalg.solve(gen, b))
put("solve.gen.bv", np.linalg.solve(gen, bv))
put("solve.batch", np.linalg.solve(batch, bbatch))
put("solve.hilbert", np.linalg.solve(hilbert, np.ones(6)))
put("inv.gen", np.linalg.inv(gen))
put("inv.batch", np.linalg.inv(batch))
put("det.gen", np.linalg.det(gen))
put("det.batch", np.linalg.det(batch))
put("det.singular", [0.0])
s, l = np.linalg.slogdet(gen)
put("slogdet.gen", [s, l])
s, l = np.linalg.slogdet(batch)
put("slogdet.batch", np.concatenate([s, l]))
# d det(a) / da = adj(a)^T, also at singular matrices (rank n-1: rank one; rank n-2: zero).
put("det_grad.gen", adjugate(gen).T)
put("det_grad.singular", adjugate(singular).T)
put("det_grad.rank1", adjugate(rank1).T)
put("matrix_power.gen.3", np.linalg.matrix_power(gen, 3))
put("matrix_power.gen.-2", np.linalg.matrix_power(gen, -2))
put("matrix_power.gen.0", np.linalg.matrix_power(gen, 0))
put("multi_dot", np.linalg.multi_dot([x1, x2, x3]))
put("multi_dot.vectors", np.linalg.multi_dot([x1[0], x2, x3[:, 0]]))
t = rng.normal(size=(2, 3, 6)) + np.eye(6).reshape(6, 6)[:, :].reshape(2, 3, 6)
tb = rng.normal(size=(2, 3))
put("in.t", t)
put("in.tb", tb)
put("tensorsolve", np.linalg.tensorsolve(t, tb))
ti = gen.reshape(2, 2, 2, 2)
put("tensorinv", np.linalg.tensorinv(ti, ind=2))
put("matrix_transpose.batch", np.swapaxes(batch, -1, -2))
put("diagonal.batch", np.diagonal(batch, axis1=-2, axis2=-1))
put("diagonal.batch.1", np.diagonal(batch, offset=1, axis1=-2, axis2=-1))
put("trace.batch", np.trace(batch, axis1=-2, axis2=-1))
put("vecdot", np.sum(c1 * c2, axis=-1))
for o, n in [(2, "2"), (1, "1"), (np.inf, "inf"), (-np.inf, "-inf"), (0, "0"), (3, "3")]:
    put("vector_norm." + n, np.linalg.norm(batch.ravel(), o))
put("vector_norm.axis1", np.linalg.norm(batch, 2, axis=1))
for o, n in [("fro", "fro"), (1, "1"), (-1, "-1"), (np.inf, "inf"), (-np.inf, "-inf")]:
    put("matrix_norm." + n, np.linalg.norm(batch, o, axis=(-2, -1)))
put("cross", np.cross(c1, c2))
p, lo, up = sl.lu(gen)
put("lu.gen.p", p); put("lu.gen.l", lo); put("lu.gen.u", up)
p, lo, up = sl.lu(rect)
put("lu.rect.p", p); put("lu.rect.l", lo); put("lu.rect.u", up)
p, lo, up = sl.lu(rect.T)
put("lu.rectT.p", p); put("lu.rectT.l", lo); put("lu.rectT.u", up)
lu, piv = sl.lu_factor(gen)
put("lu_factor.gen.lu", lu); put("lu_factor.gen.piv", piv)
put("lu_solve.gen.b", sl.lu_solve((lu, piv), b))
put("lu_solve.gen.b.trans1", sl.lu_solve((lu, piv), b, trans=1))
tri = np.tril(gen)
put("solve_triangular.lower", sl.solve_triangular(gen, b, lower=True))
put("solve_triangular.upper.trans1", sl.solve_triangular(gen, b, trans=1, lower=False))
put("solve_triangular.lower.unit", sl.solve_triangular(gen, bv, lower=True, unit_diagonal=True))
put("cho_solve.lower", sl.cho_solve((np.linalg.cholesky(spd), True), b))
put("solve.pos", sl.solve(spd, b, assume_a="pos"))
put("expm.gen", sl.expm(0.5 * gen))
put("expm.big", sl.expm(big))
put("expm.zero", sl.expm(np.zeros((3, 3))))
put("block_diag", sl.block_diag(x1, c1, np.array([[7.0]])))

with open("linalg_reference.txt", "w") as f:
    for k, v in out.items():
        f.write(k + ": " + " ".join(repr(float(x)) for x in v) + "\n")
