"""Writes stats_reference.txt: inputs and NumPy's results for the statistics, NaN-aware
reductions, set operations, searching and index helpers that JnpStatsReferenceTest checks.
Run from this folder with python3 and NumPy 2.x: python3 stats_reference.py > stats_reference.txt

Each case is a line 'case NAME' followed by arrays, one a line: LABEL DTYPE SHAPE VALUES, with
SHAPE as comma-separated dimensions ('-' for a scalar) and VALUES in row-major order. Inputs
are labelled in0, in1, ...; results out0, out1, ... Where JAX documents a result that differs
from NumPy's (the arrangement of partition and argpartition), the reference is built from
NumPy's stable argsort by JAX's rule, as noted at the case.
"""
import warnings

import numpy as np

rng = np.random.default_rng(20261207)


def fmt(label, a):
    a = np.asarray(a)
    if a.dtype == np.bool_:
        dt, vals = 'bool', ['1' if v else '0' for v in a.ravel()]
    elif a.dtype.kind in 'iu':
        dt, vals = 'i32' if a.dtype.itemsize <= 4 or np.all(np.abs(a) < 2**31) else 'i64', [str(int(v)) for v in a.ravel()]
    else:
        dt, vals = ('f32' if a.dtype == np.float32 else 'f64'), [repr(float(v)) for v in a.ravel()]
    shape = ','.join(str(d) for d in a.shape) if a.ndim else '-'
    return f"{label} {dt} {shape} {' '.join(vals)}".rstrip()


def case(name, ins, outs):
    print(f"case {name}")
    for i, a in enumerate(ins):
        print(fmt(f"in{i}", a))
    for i, a in enumerate(outs):
        print(fmt(f"out{i}", a))


def data(shape, dtype=np.float64, lo=-4, hi=4):
    """Values with two decimals, exact in f32 and f64 alike after rounding to f32."""
    return np.round(rng.uniform(lo, hi, shape), 2).astype(np.float32).astype(dtype)


# NaN-aware reductions: a 4x5 matrix with NaNs, row 2 all NaN.
x = data((4, 5))
x[0, 1] = x[1, 3] = x[3, 0] = x[3, 4] = np.nan
x[2, :] = np.nan
with warnings.catch_warnings():
    warnings.simplefilter('ignore')  # the all-NaN row warns; its results are NaN, as in JAX
    case('nansum', [x], [np.nansum(x, axis=1), np.nansum(x)])
    case('nanprod', [x], [np.nanprod(x, axis=1), np.nanprod(x, axis=0)])
    case('nanmean', [x], [np.nanmean(x, axis=1), np.nanmean(x)])
    case('nanvar', [x], [np.nanvar(x, axis=1), np.nanvar(x, axis=1, ddof=1), np.nanstd(x, axis=0)])
    case('nanmax', [x], [np.nanmax(x, axis=1), np.nanmin(x, axis=1), np.nanmax(x)])
    case('nancumsum', [x], [np.nancumsum(x, axis=1), np.nancumprod(x, axis=0), np.nancumsum(x)])
    y = np.delete(x, 2, axis=0)  # NumPy raises for an all-NaN slice; JAX's -1 is checked in Java
    case('nanargmax', [y], [np.nanargmax(y, axis=1), np.nanargmin(y, axis=1), np.nanargmax(y), np.nanargmin(y, axis=0)])

p = data((3, 4))
case('ptp', [p], [np.ptp(p, axis=0), np.ptp(p)])

# Quantiles along an axis of 7 and over the flattened array.
a = data((4, 7))
q = np.array([0.0, 0.1, 0.25, 0.5, 0.9, 1.0])
case('quantile', [a, q], [np.quantile(a, q, axis=1, method=m) for m in ('linear', 'lower', 'higher', 'midpoint')])
qn = np.array([0.0, 0.1, 0.3, 0.9, 1.0])  # positions q * 6 avoid exact halves, where JAX and NumPy round differently
case('quantile_nearest', [a, qn], [np.quantile(a, qn, axis=1, method='nearest')])
a32 = data((5, 6), np.float32)
case('quantile_flat', [a32], [np.quantile(a32, 0.37).astype(np.float32), np.median(a32).astype(np.float32),
                              np.percentile(a32, 80.0).astype(np.float32),
                              np.median(a32, axis=0, keepdims=True).astype(np.float32),
                              np.quantile(a32, [0.2, 0.7], axis=1, keepdims=True).astype(np.float32)])
b = data((3, 6))
b[0, 2] = b[1, 0] = b[1, 5] = np.nan
b2 = b.copy()
b2[2, :] = np.nan
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    case('nanquantile', [b2, q], [np.nanquantile(b2, q, axis=1), np.nanmedian(b2, axis=1), np.nanpercentile(b2, 30.0, axis=1),
                                  np.quantile(b2, 0.5, axis=1)])

# Histograms, bins and covariances.
h = data((40,), lo=-3, hi=5)
cnt, edges = np.histogram(h, bins=7)
case('histogram', [h], [cnt, edges])
w = data((40,), lo=0, hi=2)
cnt2, edges2 = np.histogram(h, bins=5, range=(-2.0, 3.0), weights=w)
dens, _ = np.histogram(h, bins=5, range=(-2.0, 3.0), density=True)
case('histogram_range', [h, w], [cnt2, edges2, dens])
e = np.array([-3.0, -1.0, 0.0, 0.5, 2.0, 5.0])
case('histogram_edges', [h, e], [np.histogram(h, bins=e)[0]])
xi = rng.integers(0, 9, 30).astype(np.int32)
wi = data((30,))
case('bincount', [xi, wi], [np.bincount(xi), np.bincount(xi, weights=wi, minlength=12), np.bincount(xi, weights=wi, minlength=12)])
bins = np.array([-2.0, -0.5, 0.0, 1.0, 3.0])
v = np.array([-3.0, -2.0, -1.0, -0.5, 0.0, 0.25, 1.0, 2.5, 3.0, 4.0])
case('digitize', [v, bins], [np.digitize(v, bins), np.digitize(v, bins, right=True), np.digitize(v, bins[::-1]),
                             np.digitize(v, bins[::-1], right=True)])
m = data((3, 10))
yy = data((2, 10))
case('cov', [m, yy], [np.cov(m), np.cov(m.T, rowvar=False, ddof=0), np.cov(m, yy), np.cov(m[0]), np.corrcoef(m), np.corrcoef(m, yy)])

# Searching and partial sorting.
s = np.array([-1.0, 0.0, 0.0, 2.0, 2.0, 2.0, 3.5, np.nan])
vs = np.array([[-2.0, 0.0, 1.0, 2.0], [3.5, 4.0, np.nan, -1.0]])
shuffled = s[[3, 7, 0, 5, 1, 6, 2, 4]]
case('searchsorted', [s, vs, shuffled], [np.searchsorted(s, vs), np.searchsorted(s, vs, side='right'),
                                         np.searchsorted(shuffled, vs, sorter=np.argsort(shuffled, kind='stable'))])
k1 = rng.integers(0, 3, 12).astype(np.int32)
k2 = rng.integers(0, 3, 12).astype(np.int32)
case('lexsort', [k1, k2], [np.lexsort((k1, k2))])
pa = np.round(rng.uniform(-5, 5, (3, 8)), 0) + 0.0  # whole numbers, so that ties occur; + 0.0 turns -0.0 into 0.0
kth = 3
order = np.argsort(pa, axis=1, kind='stable')
srt = np.take_along_axis(pa, order, axis=1)
part = np.concatenate([srt[:, :kth + 1], srt[:, kth + 1:][:, ::-1]], axis=1)   # JAX: the kth+1 smallest ascending, then descending
apart = np.concatenate([order[:, :kth + 1], np.sort(order[:, kth + 1:], axis=1)], axis=1)  # JAX: the rest by index
case('partition', [pa], [part, apart])

# Set operations.
u = np.array([3.0, 1.0, np.nan, 2.0, 3.0, -1.0, 1.0, np.nan, 2.0, 3.0]).reshape(2, 5)
vals, idx, inv, cts = np.unique(u, return_index=True, return_inverse=True, return_counts=True)
case('unique', [u], [vals, idx, inv.reshape(-1), cts])
ua = np.unique_all(u)
case('unique_all', [u], [ua.values, ua.indices, ua.inverse_indices, ua.counts])
s1 = np.array([5, 1, 3, 3, 7, 9, 1], dtype=np.int32)
s2 = np.array([[3, 4, 5], [6, 4, 10]], dtype=np.int32)
case('setops', [s1, s2], [np.union1d(s1, s2), np.intersect1d(s1, s2), np.setdiff1d(s1, s2), np.setxor1d(s1, s2),
                          np.isin(s2, s1), np.isin(s1, s2, invert=True)])

# Index helpers.
nz = np.array([[0, 2, 0, 1], [3, 0, 0, 0], [0, 0, 5, 6]], dtype=np.int32)
r, c = np.nonzero(nz)
case('nonzero', [nz], [r, c, np.flatnonzero(nz), np.argwhere(nz)])
fi = np.array([[0, 5, 11], [7, 3, 10]], dtype=np.int32)
ui = np.unravel_index(fi, (3, 4))
case('unravel_index', [fi], [ui[0], ui[1], np.ravel_multi_index(ui, (3, 4))])
ri = (np.array([0, 2, 4, -1], dtype=np.int32), np.array([1, 3, -2, 5], dtype=np.int32))
case('ravel_multi_index', [ri[0], ri[1]], [np.ravel_multi_index(ri, (3, 4), mode='clip'), np.ravel_multi_index(ri, (3, 4), mode='wrap')])
case('indices', [], [np.indices((2, 3))])
t1 = np.tril_indices(4, -1, 5)
t2 = np.triu_indices(4, 1, 3)
t3 = np.mask_indices(4, np.triu, 1)
t4 = np.tril_indices_from(np.zeros((3, 5)), 1)
case('tri_indices', [], [t1[0], t1[1], t2[0], t2[1], t3[0], t3[1], t4[0], t4[1]])

# Quantiles over several axes at once.
c3 = data((3, 4, 5))
c3[1, 2, 3] = np.nan
case('quantile_axes', [c3], [np.quantile(np.nan_to_num(c3), [0.3, 0.75], axis=(0, 2)),
                             np.median(np.nan_to_num(c3), axis=(2, 0), keepdims=True),
                             np.nanquantile(c3, 0.6, axis=(1, 2), keepdims=True)])

# Covariances with frequency and reliability weights.
mw = data((3, 8))
fw = rng.integers(1, 4, 8).astype(np.int32)
aw = data((8,), lo=0.5, hi=2)
case('cov_weights', [mw, fw, aw], [np.cov(mw, fweights=fw), np.cov(mw, aweights=aw), np.cov(mw, fweights=fw, aweights=aw),
                                   np.cov(mw, fweights=fw, aweights=aw, ddof=0)])

# unique over the slices along an axis (rows with repeats, columns with repeats).
ur = np.array([[2, 1, 0], [1, 5, 3], [2, 1, 0], [1, 5, 2], [1, 5, 3]], dtype=np.int32)
v0, i0, n0, c0 = np.unique(ur, axis=0, return_index=True, return_inverse=True, return_counts=True)
uc = np.array([[1.0, 3.0, 1.0, 0.5], [2.0, 4.0, 2.0, 0.5]])
v1, i1, n1, c1 = np.unique(uc, axis=1, return_index=True, return_inverse=True, return_counts=True)
case('unique_axis', [ur, uc], [v0, i0, n0.reshape(-1), c0, v1, i1, n1.reshape(-1), c1])
