"""Writes rest_reference.txt: NumPy's results for the cases JnpRestReferenceTest checks, with
the inputs beside them so that Java builds exactly the same arrays.
Run with python3 and NumPy 2.x from this folder: python3 rest_reference.py > rest_reference.txt

Line format (ReferenceFile): 'name: v1 v2 ...' with values in Python's repr, and
'name.shape: rank d0 d1 ...' for the array's shape. Names starting with 'in.' are inputs.
Where JAX's semantics differ from NumPy's, the script writes the JAX result from NumPy pieces
and says so (polydiv's remainder keeps u's length).
"""
import numpy as np


def emit(name, a):
    a = np.asarray(a)
    vals = a.ravel()
    if a.dtype == np.bool_:
        vals = vals.astype(np.int64)
    print(f'{name}.shape: {a.ndim}' + ''.join(f' {d}' for d in a.shape))
    if vals.size:
        print(f'{name}: ' + ' '.join(repr(float(v)) for v in vals))


def inp(name, a):
    emit('in.' + name, a)
    return np.asarray(a)


rng = np.random.default_rng(7)
x1 = inp('x1', np.array([1.5, -2.0, 3.25, 0.5, 7.0, -4.5]))
a2 = inp('a2', np.arange(12.0).reshape(3, 4) * 1.5 - 4)
a3 = inp('a3', rng.uniform(-2, 2, (4, 3, 2)).round(3))

# append, insert, delete, resize
emit('append_flat', np.append(a2, x1))
emit('append_axis0', np.append(a2, a2[:1], axis=0))
emit('insert_scalar_block', np.insert(x1, 1, [9.0, 8.0]))
emit('insert_many', np.insert(x1, [0, 2, 2, 6], [10.0, 11.0, 12.0, 13.0]))
emit('insert_negative', np.insert(x1, -1, 5.5))
emit('insert_axis1_scalar', np.insert(a2, 1, [7.0, 8.0, 9.0], axis=1))
emit('insert_axis1_list', np.insert(a2, [1, 3], [[7.0], [8.0], [9.0]], axis=1))
emit('insert_axis0_block', np.insert(a2, 2, [[-1.0, -2.0, -3.0, -4.0], [-5.0, -6.0, -7.0, -8.0]], axis=0))
emit('delete_flat', np.delete(x1, [0, 3, -1]))
emit('delete_axis1', np.delete(a2, 1, axis=1))
emit('delete_slice', np.delete(a3, slice(0, 4, 2), axis=0))
emit('delete_array', np.delete(a2, np.array([0, 2]), axis=0))
emit('resize_grow', np.resize(np.arange(5.0), (3, 4)))
emit('resize_shrink', np.resize(a2, (2, 3)))

# compress, extract, place, put, put_along_axis, take, take_along_axis
c3 = inp('c3', np.array([True, False, True]))
emit('compress_axis0', np.compress(c3, a2, axis=0))
emit('compress_axis1_short', np.compress([False, True], a2, axis=1))
emit('compress_flat', np.compress(c3, a2))
m2 = inp('m2', a2 > 1)
emit('extract', np.extract(m2, a2))
p = a2.copy(); np.place(p, m2, [100.0, 200.0, 300.0]); emit('place', p)
p = a2.copy(); np.put(p, [0, 5, -1], [10.0, 20.0, 30.0]); emit('put', p)
p = a2.copy(); np.put(p, [1, 22, -30], [7.0, 8.0, 9.0], mode='clip'); emit('put_clip', p)
p = a2.copy(); np.put(p, [13, -14], [7.0, 8.0], mode='wrap'); emit('put_wrap', p)
p = a2.copy(); np.put(p, [2, 3], [5.0]); emit('put_cycle', p)
ia = inp('ia', np.array([[3, 0], [1, 2], [0, 0]]))
p = a2.copy(); np.put_along_axis(p, ia[:, :1], np.array([[-9.0], [-8.0], [-7.0]]), axis=1); emit('put_along_axis1', p)
ib = inp('ib', np.array([[2, 0, 1, 1]]))
p = a2.copy(); np.put_along_axis(p, ib, 0.5, axis=0); emit('put_along_axis0', p)
emit('take_axis1', np.take(a2, [[0, 2], [1, 1]], axis=1))
emit('take_flat', np.take(a2, [11, 0, 5]))
srt = np.argsort(a3, axis=1)
emit('take_along_axis', np.take_along_axis(a3, srt, axis=1))

# fill_diagonal, choose
sq = np.zeros((3, 3)); np.fill_diagonal(sq, 5.0); emit('fill_diag_sq', sq)
tall = np.zeros((7, 3)); np.fill_diagonal(tall, [1.0, 2.0]); emit('fill_diag_tall', tall)
tall = np.zeros((7, 3)); np.fill_diagonal(tall, [1.0, 2.0], wrap=True); emit('fill_diag_wrap', tall)
cube = np.zeros((3, 3, 3)); np.fill_diagonal(cube, 4.0); emit('fill_diag_cube', cube)
ch = inp('ch', np.array([[0, 1, 2, 0], [2, 2, 1, 0], [1, 0, 0, 2]]))
emit('choose', np.choose(ch, [a2, -a2, np.array([0.5, 1.5, 2.5, 3.5])]))
chw = inp('chw', np.array([[3, -1, 4, 0], [5, 2, -2, 1], [1, 0, 0, 7]]))
emit('choose_wrap', np.choose(chw, [a2, -a2, a2 * 10], mode='wrap'))
emit('choose_clip', np.choose(chw, [a2, -a2, a2 * 10], mode='clip'))

# block and friends
A = inp('A', np.array([[1.0, 2.0], [3.0, 4.0]]))
B = inp('B', np.array([[5.0], [6.0]]))
C = inp('C', np.array([[7.0, 8.0, 9.0]]))
emit('block2d', np.block([[A, B], [C]]))
emit('block1d', np.block([x1, np.array([0.0, 1.0])]))
emit('block_mixed', np.block([[A, A], [np.ones(4)]]))
emit('column_stack', np.column_stack([x1, x1 * 2, np.arange(6.0)]))
emit('dstack', np.dstack([A, A * 10]))
emit('dstack1d', np.dstack([x1, x1]))
for name, parts in [('hsplit', np.hsplit(a2, 2)), ('vsplit', np.vsplit(a2, [1])), ('dsplit', np.dsplit(a3, 2))]:
    for i, part in enumerate(parts):
        emit(f'{name}{i}', part)
emit('diagflat', np.diagflat(A, 1))
emit('diagflat_neg', np.diagflat(x1[:3], -2))
emit('fromfunction', np.fromfunction(lambda i, j: i * 10 + j * j, (3, 4)))

# vector products
v4 = inp('v4', np.array([0.5, -1.0, 2.0, 3.0]))
b3 = inp('b3', rng.uniform(-1, 1, (2, 3, 4)).round(4))
emit('vecdot', np.vecdot(b3, v4))
emit('vecdot_axis0', np.vecdot(a2, a2 * 0.5 + 1, axis=0))
emit('matvec', np.matvec(b3, v4))
m43 = inp('m43', rng.uniform(-1, 1, (4, 3)).round(4))
emit('vecmat', np.vecmat(b3, m43))

# bits
ints = inp('ints', np.array([0, 1, -1, 7, 255, -256, 2**31 - 1, -2**31, 12345], dtype=np.int64))
emit('bitwise_count32', np.bitwise_count(ints.astype(np.int32)))
longs = inp('longs', np.array([0, -1, 2**40 + 3, -(2**62), 2**63 - 1], dtype=np.int64))
emit('bitwise_count64', np.bitwise_count(longs))
bits = inp('bits', rng.integers(0, 2, (3, 11)).astype(bool))
emit('packbits', np.packbits(bits))
emit('packbits_axis1', np.packbits(bits, axis=1))
emit('packbits_little', np.packbits(bits, axis=0, bitorder='little'))
bytes_ = inp('bytes', np.array([[0, 255, 17], [128, 3, 64]], dtype=np.uint8))
emit('unpackbits', np.unpackbits(bytes_))
emit('unpackbits_axis1', np.unpackbits(bytes_, axis=1))
emit('unpackbits_count', np.unpackbits(bytes_, axis=1, count=10, bitorder='little'))
emit('unpackbits_negcount', np.unpackbits(bytes_, axis=0, count=-3))
emit('unpackbits_longcount', np.unpackbits(bytes_, axis=1, count=27))
na = inp('na', np.array([0.0, 1.0, -1.0, 1e30, 2.5]))
nb = inp('nb', np.array([1.0, 0.0, np.inf, -np.inf, 2.5]))
emit('nextafter64', np.nextafter(na, nb))
emit('nextafter32', np.nextafter(na.astype(np.float32), nb.astype(np.float32)))

# histograms
pts = inp('pts', rng.normal(0, 1, (40, 3)).round(3))
w40 = inp('w40', rng.uniform(0, 2, 40).round(3))
h, xe, ye = np.histogram2d(pts[:, 0], pts[:, 1], bins=4)
emit('h2d', h); emit('h2d_xe', xe); emit('h2d_ye', ye)
h, xe, ye = np.histogram2d(pts[:, 0], pts[:, 1], bins=[3, 5], range=[[-1, 1], [-2, 2]], weights=w40, density=True)
emit('h2d_wd', h); emit('h2d_wd_xe', xe); emit('h2d_wd_ye', ye)
h, edges = np.histogramdd(pts, bins=[2, 3, 4])
emit('hdd', h)
for i, e in enumerate(edges):
    emit(f'hdd_e{i}', e)
h, edges = np.histogramdd(pts, bins=[2, 2, 3], range=[[-1, 1], [-1, 2], [-3, 3]], density=True)
emit('hdd_d', h)
ex = inp('ex', np.array([-2.0, -0.5, 0.0, 1.0, 3.0]))
h, _, _ = np.histogram2d(pts[:, 0], pts[:, 2], bins=[ex, ex], weights=w40)
emit('h2d_edges', h)

# unwrap, polydiv
ph = inp('ph', np.cumsum(rng.uniform(-2.5, 2.5, 15)).round(4) % (2 * np.pi) - np.pi)
emit('unwrap', np.unwrap(ph))
emit('unwrap_disc', np.unwrap(ph, discont=4.0))
emit('unwrap_period', np.unwrap(ph, period=5.0))
ph2 = inp('ph2', (rng.uniform(0, 12, (5, 3)).round(3)))
emit('unwrap_axis0', np.unwrap(ph2, axis=0, period=4.0))
emit('unwrap_exact_half', np.unwrap(np.array([0.0, np.pi, 0.0, -np.pi])))
pu = inp('pu', np.array([3.0, -2.0, 0.5, 4.0, 1.0]))
pv = inp('pv', np.array([2.0, 1.0, -1.0]))
q, r = np.polydiv(pu, pv)
emit('polydiv_q', q)
emit('polydiv_r', r)  # NumPy trims r; JAX keeps len(u) with leading zeros

# index helpers
emit('r_basic', np.r_[np.array([1, 2, 3]), 0, 0, np.array([4, 5, 6])])
emit('r_points', np.r_[-1:1:6j, 0, 0])
emit('r_range', np.r_[3:7, np.array([1, 2])])
emit('r_2d', np.r_['0,2', [1, 2, 3], [4, 5, 6]])
emit('r_2d_trans0', np.r_['0,2,0', [1, 2, 3], [4, 5, 6]])
emit('r_axis1', np.r_['1,2,0', [1, 2, 3], [4, 5, 6]])
emit('r_3d', np.r_['0,3,1', A, A])
emit('c_', np.c_[np.array([1, 2, 3]), np.array([4, 5, 6])])
emit('c_2d', np.c_[A, B, np.array([9, 9])])
emit('mgrid2', np.mgrid[0:2, 0:3])
emit('mgrid_points', np.mgrid[-1:1:5j])
emit('mgrid_float', np.mgrid[0:1:0.25, 1:3])
for i, o in enumerate(np.ogrid[0:3, 1:5:2]):
    emit(f'ogrid{i}', o)
for i, o in enumerate(np.ix_([0, 2], [1, 3, 0])):
    emit(f'ix{i}', o)
emit('ix_take', a2[np.ix_([0, 2], [1, 3, 0])])
emit('s_get', a3[np.s_[1:4:2, ..., 0]])
emit('index_exp_get', a2[np.index_exp[::-1, 1]])

# einsum_path: the 'optimal' strategy, which JAX's 'auto' uses for up to four operands
P = inp('P', np.ones((2, 30)))
Q = inp('Q', np.ones((30, 40)))
R = inp('R', np.ones((40, 5)))
emit('path_chain', np.array(np.einsum_path('ij,jk,kl->il', P, Q, R, optimize='optimal')[0][1:]))
S = inp('S', np.ones((5, 60)))
emit('path_chain4', np.array(np.einsum_path('ij,jk,kl,lm->im', P, Q, R, S, optimize='optimal')[0][1:]))
T = inp('T', np.ones((60, 3)))
emit('path_greedy5', np.array(np.einsum_path('ij,jk,kl,lm,mn->in', P, Q, R, S, T, optimize='greedy')[0][1:]))
emit('path_outer', np.array(np.einsum_path('i,j,ij->', np.ones(30), np.ones(40), np.ones((30, 40)), optimize='optimal')[0][1:]))

# ufunc methods
emit('add_reduce', np.add.reduce(a3, axis=1))
emit('add_accumulate', np.add.accumulate(a2, axis=1))
emit('maximum_accumulate', np.maximum.accumulate(x1))
emit('multiply_outer', np.multiply.outer(x1[:3], A))
at = a2.copy(); np.add.at(at, [0, 2, 0], np.array([[1.0], [2.0], [3.0]])); emit('add_at', at)
at = x1.copy(); np.multiply.at(at, [1, 1, 4], [2.0, 3.0, -1.0]); emit('multiply_at', at)
at = x1.copy(); np.negative.at(at, [0, 0, 2]); emit('negative_at', at)
emit('subtract_reduce', np.subtract.reduce(x1))

# vectorize
emit('vec_dot', np.sum(b3 * v4, axis=-1))
b24 = inp('b24', rng.uniform(-1, 1, (2, 4)).round(4))
emit('vec_matvec', np.einsum('bmn,bn->bm', b3, b24))
