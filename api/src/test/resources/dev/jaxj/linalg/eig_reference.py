"""Writes eig_reference.txt: NumPy (float64/complex128) results that EigReferenceTest compares
jaxj's jnp.linalg.eig, jnp.linalg.eigvals, jnp.roots and jnp.poly with. Inputs are written too
(lines 'in.*'), so the test reads the very matrices used here; complex values are written as two
lines, '.re' and '.im'. NumPy only (linalg_reference.py also needs SciPy).
Run: python3 eig_reference.py"""
import numpy as np

rng = np.random.default_rng(20261208)
out = {}

def put(name, x):
    out[name] = np.asarray(x, dtype=np.float64).ravel()

def put_complex(name, x):
    put(name + ".re", np.real(x))
    put(name + ".im", np.imag(x))

gen = rng.normal(size=(5, 5))
batch = rng.normal(size=(2, 3, 3))
cplx = rng.normal(size=(4, 4)) + 1j * rng.normal(size=(4, 4))
rotation = np.array([[0.0, -1.0], [1.0, 0.0]])
hilbert = 1.0 / (np.arange(6)[:, None] + np.arange(6)[None, :] + 1.0)
# Graded: entries spanning 1e-8..1e8, exactly as balancing is meant to help.
graded = rng.normal(size=(4, 4)) * 10.0 ** (2 * (np.arange(4)[:, None] - np.arange(4)[None, :]))
for k, v in dict(gen=gen, batch=batch, rotation=rotation, hilbert=hilbert, graded=graded).items():
    put("in." + k, v)
put_complex("in.cplx", cplx)
for k, v in dict(gen=gen, batch=batch, cplx=cplx, rotation=rotation, hilbert=hilbert, graded=graded).items():
    w, vr = np.linalg.eig(v)
    put_complex("eig.%s.w" % k, w)
    put_complex("eig.%s.v" % k, vr)

polys = {"cubic": [1.0, -6.0, 11.0, -6.0], "x2p1": [1.0, 0.0, 1.0], "random": list(rng.normal(size=6)),
         "leading_zeros": [0.0, 0.0, 2.0, -3.0, 1.0], "trailing_zero": [1.0, -3.0, 2.0, 0.0]}
for k, c in polys.items():
    put("in.poly." + k, c)
    put_complex("roots." + k, np.roots(c))
put_complex("poly.gen", np.poly(gen).astype(complex))

with open("eig_reference.txt", "w") as f:
    for k, v in out.items():
        f.write(k + ": " + " ".join(repr(float(x)) for x in v) + "\n")
