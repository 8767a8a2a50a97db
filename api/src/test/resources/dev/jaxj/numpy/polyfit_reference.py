"""Writes polyfit_reference.txt: numpy.polyfit's results for the fits JnpPolyfitReferenceTest
checks, with the inputs beside them so that Java builds exactly the same arrays.
Run with python3 and NumPy from this folder: python3 polyfit_reference.py > polyfit_reference.txt

Line format (ReferenceFile): 'name: v1 v2 ...' with values in Python's repr, and
'name.shape: rank d0 d1 ...' for the array's shape. Names starting with 'in.' are inputs.
JAX's polyfit is NumPy's algorithm (scaled Vandermonde matrix, SVD least squares), so NumPy's
results are JAX's up to rounding. 'grad_y' is the gradient of sum(polyfit(x, y, 3) * v) with
respect to y: polyfit is linear in y, so it is M^T v with M's columns the fits of unit vectors.
"""
import numpy as np


def emit(name, a):
    a = np.asarray(a)
    vals = a.ravel()
    print(f'{name}.shape: {a.ndim}' + ''.join(f' {d}' for d in a.shape))
    if vals.size:
        print(f'{name}: ' + ' '.join(repr(float(v)) for v in vals))


def inp(name, a):
    emit('in.' + name, a)
    return np.asarray(a)


x = inp('x', np.array([0.0, 0.5, 1.3, 2.0, 2.7, 3.1, 4.0, 5.5]))
y = inp('y', 0.5 * x**3 - 2 * x**2 + x - 3 + np.array([0.1, -0.2, 0.05, 0.3, -0.15, 0.2, -0.1, 0.05]))
y2 = inp('y2', np.stack([y, np.cos(x)], axis=1))
w = inp('w', np.array([1.0, 2.0, 0.5, 1.5, 1.0, 3.0, 0.25, 1.0]))
far = inp('far', x + 1000.0)
v = inp('v', np.array([1.0, -2.0, 0.5, 3.0]))

emit('deg3', np.polyfit(x, y, 3))
emit('deg0', np.polyfit(x, y, 0))
emit('deg2_2d', np.polyfit(x, y2, 2))
emit('deg2_weighted', np.polyfit(x, y, 2, w=w))
emit('deg2_far', np.polyfit(far, y, 2))
c, resid, rank, s, rcond = np.polyfit(x, y, 3, full=True)
emit('full.c', c)
emit('full.resid', resid)
emit('full.rank', rank)
emit('full.s', s)
emit('full.rcond', rcond)
emit('cov.c', np.polyfit(x, y, 2, cov=True)[0])
emit('cov.scaled', np.polyfit(x, y, 2, cov=True)[1])
emit('cov.unscaled', np.polyfit(x, y, 2, cov='unscaled')[1])
emit('cov.weighted', np.polyfit(x, y, 2, w=w, cov=True)[1])
emit('cov.2d', np.polyfit(x, y2, 1, cov=True)[1])
m = np.stack([np.polyfit(x, e, 3) for e in np.eye(len(x))], axis=1)
emit('grad_y', m.T @ v)
