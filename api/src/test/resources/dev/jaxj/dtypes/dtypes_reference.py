"""Writes dtypes_reference.txt: NumPy's results for the storage and complex types (f16, i8, u8, i16,
u16, complex64, complex128) and torch's for bfloat16, which NumPy lacks, on the cases that
DTypesReferenceTest checks, with the inputs beside them so that Java builds the same arrays.
Run with /usr/bin/python3 (NumPy 1.24, torch) from this folder:
    /usr/bin/python3 dtypes_reference.py > dtypes_reference.txt

Line format (MiscReference): name|dtype|shape|values. The second field is the NumPy name of the
dtype that jaxj must give (JAX's, where JAX's rule differs from NumPy's; the values are then
NumPy's, written in that dtype). Floats are the repr of the exact value as a float64, integers
and bools ints, complex numbers their real and imaginary parts in turn. Names starting with
'in.' are inputs.

How each reference is computed, and what is left out on purpose:
- JAX computes a primitive on f16 or bf16 in f32 and rounds once. NumPy's float16 ufuncs do the
  same (they convert to float32, compute, convert back), and so does torch on bfloat16 on a CPU;
  the script writes that out explicitly, f32 result rounded to the 16-bit type, so the reference
  does not hang on it. Arithmetic is then exact; transcendentals may differ by one unit in the
  last place of the 16-bit type, where jaxj's f32 result and NumPy's lie on either side of a
  rounding boundary.
- Integer division and remainder by zero and MIN // -1 are left out: NumPy warns and gives 0
  (or MIN), JAX gives what XLA defines (-1 or the dividend for x / 0). Shifts by the bit width or
  more are left out: NumPy's result there is the C compiler's, JAX's is XLA's (0 or the sign).
- Conversions from floating to integer keep to values whose truncation fits the target (NumPy
  leaves the rest undefined, JAX saturates). Integer to integer wraps in both, so it is tested
  out of range too. Complex to bool is tested only on numbers whose imaginary part is zero:
  NumPy tests both parts, JAX's convert_element_type keeps the real part first.
- torch rounds float64 to bfloat16 through float32 (twice), so the float64 -> bfloat16 cases use
  values that float32 holds exactly, where that path rounds once.
- Complex exp stays where exp(re) itself is finite: NumPy scales exp(re) cos(im) past overflow,
  JAX multiplies the overflowed factor.
"""
import math
import warnings

import numpy as np
import torch

rng = np.random.default_rng(20261207)

BF16 = 'bfloat16'
INTS = [np.int8, np.uint8, np.int16, np.uint16]
ALL = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'int64', 'uint32', 'float16', BF16, 'float32',
       'float64', 'complex64', 'complex128']
OLD = {'bool', 'int32', 'int64', 'uint32', 'float32', 'float64'}


def name(dtype):
    return dtype if dtype == BF16 else np.dtype(dtype).name


def emit(key, a, dtype=None):
    """One line: a NumPy array, or a torch bfloat16 tensor (dtype then defaults to bfloat16)."""
    if isinstance(a, torch.Tensor):
        dtype = dtype or BF16
        a = a.double().numpy()
    a = np.asarray(a)
    dtype = dtype or a.dtype.name
    if a.dtype.kind == 'c':
        vals = ' '.join(f'{float(v.real)!r} {float(v.imag)!r}' for v in a.ravel())
    elif a.dtype.kind == 'f':
        vals = ' '.join(repr(float(v)) for v in a.ravel())
    else:
        vals = ' '.join(str(int(v)) for v in a.ravel())
    print(f'{key}|{dtype}|{",".join(str(d) for d in a.shape)}|{vals}')


def inp(key, a, dtype=None):
    emit('in.' + key, a, dtype)
    return a


def bf16(values):
    return torch.tensor(np.asarray(values, dtype=np.float32)).to(torch.bfloat16)


def in_f32(f, *xs):
    """f on the f32 values of 16-bit floats, rounded once to the inputs' type (see above)."""
    if isinstance(xs[0], torch.Tensor):
        return f(*[x.float() for x in xs]).to(torch.bfloat16)
    with np.errstate(all='ignore'):
        return f(*[x.astype(np.float32) for x in xs]).astype(xs[0].dtype)


# Integers: arithmetic, bits and comparisons --------------------------------------------------------
INT_VALUES = {
    np.int8: [-128, -127, -100, -7, -1, 0, 1, 2, 5, 9, 100, 127],
    np.uint8: [0, 1, 2, 5, 9, 17, 100, 127, 128, 200, 254, 255],
    np.int16: [-32768, -32767, -1000, -7, -1, 0, 1, 3, 5, 300, 1000, 32767],
    np.uint16: [0, 1, 3, 5, 7, 300, 1000, 32767, 32768, 40000, 65534, 65535],
}
for t in INTS:
    n = np.dtype(t).name
    bits = np.iinfo(t).bits
    x = inp(f'{n}.x', np.array(INT_VALUES[t], dtype=t))
    y = inp(f'{n}.y', rng.permutation(x))
    with np.errstate(all='ignore'):
        emit(f'{n}.add', x + y)
        emit(f'{n}.subtract', x - y)
        emit(f'{n}.multiply', x * y)
        emit(f'{n}.negative', -x)
        emit(f'{n}.abs', np.abs(x))
    # JAX divides integers in the default float type, f32: the quotient of two f32 values rounded once.
    with np.errstate(all='ignore'):
        emit(f'{n}.true_divide', x.astype(np.float32) / y.astype(np.float32))
    ok = (y != 0) & ~((x == np.iinfo(t).min) & (y == -1))
    xd, yd = inp(f'{n}.xd', x[ok]), inp(f'{n}.yd', y[ok])
    emit(f'{n}.floor_divide', np.floor_divide(xd, yd))
    emit(f'{n}.remainder', np.remainder(xd, yd))
    for op in ['equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal', 'minimum', 'maximum',
               'bitwise_and', 'bitwise_or', 'bitwise_xor']:
        emit(f'{n}.{op}', getattr(np, op)(x, y))
    emit(f'{n}.invert', np.invert(x))
    s = inp(f'{n}.shift', rng.integers(0, bits, size=x.shape).astype(t))
    emit(f'{n}.left_shift', np.left_shift(x, s))
    emit(f'{n}.right_shift', np.right_shift(x, s))

# The wrap-arounds spelled out.
emit('wrap.int8', np.array([127], np.int8) + np.array([1], np.int8))
emit('wrap.uint8', np.array([0], np.uint8) - np.array([1], np.uint8))
emit('wrap.int16', np.array([-32768], np.int16) - np.array([1], np.int16))
emit('wrap.uint16', np.array([65535], np.uint16) * np.array([65535], np.uint16))

# 16-bit floats: arithmetic, comparisons, transcendentals -----------------------------------------
F16_X = [0.0, -0.0, 1.0, -2.5, 0.1, 3.14, 65504.0, -65504.0, 2.0 ** -14, 2.0 ** -24, 3 * 2.0 ** -24, 1000.5,
         1e4, np.inf, -np.inf, np.nan]
BF16_X = [0.0, -0.0, 1.0, -2.5, 0.1, 3.14, 3.3895313892515355e38, -3.3895313892515355e38, 2.0 ** -126,
          2.0 ** -133, 3 * 2.0 ** -133, 1000.5, 1e30, np.inf, -np.inf, np.nan]
perm = rng.permutation(len(F16_X))
floats = {
    'float16': (np.array(F16_X, np.float16), np.array(F16_X, np.float16)[perm]),
    BF16: (bf16(BF16_X), bf16(BF16_X)[torch.from_numpy(perm)]),
}
BINARY = {'add': lambda a, b: a + b, 'subtract': lambda a, b: a - b, 'multiply': lambda a, b: a * b,
          'true_divide': lambda a, b: a / b}
TORCH_BINARY = {'minimum': torch.minimum, 'maximum': torch.maximum, 'equal': torch.eq, 'not_equal': torch.ne,
                'less': torch.lt, 'less_equal': torch.le, 'greater': torch.gt, 'greater_equal': torch.ge}
for n, (x, y) in floats.items():
    inp(f'{n}.x', x)
    inp(f'{n}.y', y)
    for op, f in BINARY.items():
        emit(f'{n}.{op}', in_f32(f, x, y))
    for op, tf in TORCH_BINARY.items():
        r = tf(x, y) if n == BF16 else getattr(np, op)(x, y)
        emit(f'{n}.{op}', r.numpy() if isinstance(r, torch.Tensor) and r.dtype == torch.bool else r)
    emit(f'{n}.negative', -x)
    emit(f'{n}.abs', x.abs() if n == BF16 else np.abs(x))

UNARY = {'exp': (np.exp, torch.exp), 'log': (np.log, torch.log), 'sin': (np.sin, torch.sin),
         'cos': (np.cos, torch.cos), 'tan': (np.tan, torch.tan), 'tanh': (np.tanh, torch.tanh),
         'sqrt': (np.sqrt, torch.sqrt), 'log1p': (np.log1p, torch.log1p), 'expm1': (np.expm1, torch.expm1),
         'arctan': (np.arctan, torch.atan), 'sinh': (np.sinh, torch.sinh), 'arcsinh': (np.arcsinh, torch.asinh)}
POSITIVE = {'log', 'sqrt'}
t_real = np.concatenate([rng.uniform(-4, 4, 14), [0.0, -0.0, 10.5, -9.25]])
t_pos = np.concatenate([rng.uniform(0, 50, 14), [0.0, 1.0, 2.0 ** -20, 60000.0]])
for n in ['float16', BF16]:
    for key, v in [('t', t_real), ('tpos', t_pos)]:
        x = inp(f'{n}.{key}', bf16(v) if n == BF16 else v.astype(np.float16))
        for op, (nf, tf) in UNARY.items():
            if (op in POSITIVE) == (key == 'tpos'):
                emit(f'{n}.{op}', in_f32(tf if n == BF16 else nf, x))

# Conversions ------------------------------------------------------------------------------------
POOL = [0, 1, -1, 2, 7, -7, 100, -100, 127, -128, 200, 255, 256, 300, -300, 1000, 2049, 32767, -32768, 40000,
        65535, 65536, 70000, -70000, 2 ** 31 - 1, -2 ** 31, 0.5, -0.5, 1.5, -2.5, 2.7, -2.7, 99.9, -127.9,
        255.5, 1e-3, 0.1,
        # f16 rounding: ties to even (1 + 2^-11 goes to 1, 1 + 3 * 2^-11 up), subnormals and their
        # ties (2^-25 to 0, 3 * 2^-25 up to 2^-23), the overflow tie 65520 to inf, 65519 down.
        1 + 2 ** -11, 1 + 3 * 2 ** -11, 2 ** -25, 3 * 2 ** -25, 1e-8, 65519.0, 65520.0,
        # bf16 rounding: the same ties at 2^-8, the largest f32 to inf, a bf16 subnormal.
        1 + 2 ** -8, 1 + 3 * 2 ** -8, 3.4028234663852886e38, 1e-40,
        1e10, -1e10, 1e300, math.inf, -math.inf, math.nan, -0.0]
IMAG = 0.75


def exact_in(v, src):
    """{v if src holds it exactly, else None}, as a value of src's kind."""
    if src == 'bool':
        return None
    if np.dtype(src if src != BF16 else 'float32').kind in 'iu':
        if isinstance(v, float) and not v.is_integer() or not math.isfinite(v):
            return None
        info = np.iinfo(src)
        return int(v) if info.min <= v <= info.max else None
    if src == BF16:
        if math.isfinite(v) and abs(v) > 3.4e38:
            return None
        return v if math.isnan(v) or float(bf16([v]).double()[0]) == v else None
    real = np.dtype(src).type(0).real.dtype.type
    with np.errstate(all='ignore'):
        return v if float(real(v)) == v or math.isnan(v) else None


def fits(v, src, dst):
    """Whether NumPy and JAX agree on converting v (held by src) to dst."""
    if dst == 'bool':
        return True
    kind = 'f' if dst == BF16 else np.dtype(dst).kind
    src_kind = 'f' if src == BF16 else np.dtype(src).kind
    if kind in 'iu' and src_kind in 'fc':
        if not math.isfinite(v):
            return False
        info = np.iinfo(dst)
        return info.min <= math.trunc(v) <= info.max
    if dst == BF16 and src in ('float64', 'complex128'):
        return math.isnan(v) or abs(v) > 3.5e38 or float(np.float32(v)) == v
    return True


def source(src, dst):
    if src == 'bool':
        return [False, True]
    vals = [v for v in (exact_in(p, src) for p in POOL) if v is not None and fits(v, src, dst)]
    if np.dtype(src if src != BF16 else 'float32').kind == 'c':
        with_imag = [complex(v, IMAG) for v in vals if dst != 'bool']
        return [complex(v, 0.0) for v in vals] + with_imag
    return vals


def convert(vals, src, dst):
    """NumPy's (torch's for bf16) conversion of vals, first held exactly in src."""
    if src == BF16:
        # bf16 widens to f32 exactly, and f32 to the target rounds once, as bf16 to the target does.
        src, vals = 'float32', [float(v) for v in vals]
    if dst == BF16:
        held = np.array(vals, dtype=src)
        if held.dtype.kind == 'c':
            held = held.real
        base = held.astype(np.float64) if held.dtype.kind in 'fb' else held.astype(np.int64)
        return torch.from_numpy(base).to(torch.bfloat16)
    with np.errstate(all='ignore'):
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', np.ComplexWarning)
            return np.array(vals, dtype=src).astype(dst)


for src in ALL:
    for dst in ALL:
        if src == dst or (src in OLD and dst in OLD):
            continue
        vals = source(src, dst)
        key = f'astype.{src}.{dst}'
        if src == BF16:
            inp(key, bf16(vals))
        else:
            inp(key, np.array(vals, dtype=src))
        emit(key, convert(vals, src, dst), name(dst))

# A float64 just above an f16 tie: rounded once it goes up to 1 + 2^-10; a detour through f32
# rounds twice, down to 1. NumPy, like XLA's direct conversion, rounds once.
for src in ['float64', 'complex128']:
    x = inp(f'astype_once.{src}.float16', np.array([1 + 2 ** -11 + 2 ** -40, -(1 + 3 * 2 ** -12 + 2 ** -45)], dtype=src))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', np.ComplexWarning)
        emit(f'astype_once.{src}.float16', x.astype(np.float16))

# Complex functions: branch cuts with signed zeros, large arguments --------------------------------
# No quotient of these (z / zy, 1 / z) has a part that is exactly zero: the sign of such a zero
# differs between NumPy's complex division and XLA's (NumPy's 1 / (0.5 + 0j) is 2 - 0j, XLA's 2 + 0j).
Z_GENERIC = [1 + 2j, -0.5 + 0.25j, 3 - 4j, -1e-3 + 2j, 0.3 + 0.4j, 10 - 7j, -2.5 - 0.5j, 0.5 + 0.125j]
ZERO_CUTS = {
    # The cuts of sqrt and log lie on the negative reals; asin, acos and atanh on |re| > 1;
    # atan and asinh on |im| > 1; acosh on re < 1. Each point once with +0 and once with -0.
    'sqrt': [(-2, 0.0, 'i'), (-2, -0.0, 'i'), (0, 0.0, 'i'), (4, -0.0, 'i')],
    'log': [(-2, 0.0, 'i'), (-2, -0.0, 'i'), (-1, 0.0, 'i')],
    'arcsin': [(2, 0.0, 'i'), (2, -0.0, 'i'), (-2, 0.0, 'i'), (-2, -0.0, 'i')],
    'arccos': [(2, 0.0, 'i'), (2, -0.0, 'i'), (-2, 0.0, 'i'), (-2, -0.0, 'i')],
    'arctanh': [(2, 0.0, 'i'), (2, -0.0, 'i'), (-2, 0.0, 'i'), (-2, -0.0, 'i')],
    'arctan': [(0.0, 2, 'r'), (-0.0, 2, 'r'), (0.0, -2, 'r'), (-0.0, -2, 'r')],
    'arcsinh': [(0.0, 2, 'r'), (-0.0, 2, 'r'), (0.0, -2, 'r'), (-0.0, -2, 'r')],
    'arccosh': [(0.5, 0.0, 'i'), (0.5, -0.0, 'i'), (-2, 0.0, 'i'), (-2, -0.0, 'i')],
}
C_UNARY = ['sqrt', 'log', 'exp', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'arcsin', 'arccos', 'arctan',
           'arcsinh', 'arccosh', 'arctanh', 'reciprocal', 'square', 'negative', 'conj', 'real', 'imag',
           'angle', 'abs']
for t in [np.complex64, np.complex128]:
    n = np.dtype(t).name
    z = inp(f'{n}.z', np.array(Z_GENERIC, dtype=t))
    for op in C_UNARY:
        emit(f'{n}.{op}', getattr(np, op)(z))
    for op, pts in ZERO_CUTS.items():
        c = inp(f'{n}.cut.{op}', np.array([complex(r, i) for r, i, _ in pts], dtype=t))
        emit(f'{n}.cut.{op}', getattr(np, op)(c))
    w = inp(f'{n}.w', np.array([2 + 0j, 0.5 - 1j, -1 + 0j, 1.5 + 0.5j, 0j + 3, -0.25 + 2j, 1j, 0.5 + 0j], dtype=t))
    emit(f'{n}.power', np.power(z, w))
    big = 88.0 if t == np.complex64 else 700.0
    e = inp(f'{n}.exp_large', np.array([big + 1j, big - 2j, -big + 1j, -1000 + 0.5j, 3 + 0j, 0 + 50j], dtype=t))
    with np.errstate(all='ignore'):
        emit(f'{n}.exp_large', np.exp(e))
    # |z| without overflow or underflow in the squares; angle of signed zeros.
    huge = [3e30 + 4e30j, 3e-30 + 4e-30j, 1e38 + 1e38j] if t == np.complex64 else [3e300 + 4e300j, 3e-300 + 4e-300j, 1e308 + 1e308j]
    a = inp(f'{n}.abs_wide', np.array(huge + [complex(-0.0, 0.0), complex(-0.0, -0.0), complex(0.0, -0.0)], dtype=t))
    emit(f'{n}.abs_wide', np.abs(a))
    emit(f'{n}.angle_wide', np.angle(a))
    zy = inp(f'{n}.zy', np.roll(z, 3))
    for op in ['add', 'subtract', 'multiply', 'true_divide', 'equal', 'not_equal']:
        emit(f'{n}.{op}', getattr(np, op)(z, zy))

# Reductions ---------------------------------------------------------------------------------------
# JAX's result types (jax.numpy.sum docs, promote_integers=True): sums and products of narrower
# integers in the default int (i32) or uint (u32); means in f32 for integers, in the input type for
# floats (computed in f32 for f16 and bf16); argmax in i32; cumsum keeps the input type. NumPy gives
# 64-bit types there; the values are the same, as the cases do not overflow the narrower types.
RED = {
    np.int8: [[3, -7, 9, 0], [-2, 5, -1, 8], [6, -3, 2, -9]],
    np.uint8: [[3, 7, 9, 0], [2, 5, 1, 8], [6, 3, 2, 9]],
    np.int16: [[300, -700, 9, 0], [-2, 50, -1, 8], [6, -3, 20, -9]],
    np.uint16: [[300, 700, 9, 0], [2, 50, 1, 8], [6, 3, 20, 9]],
    np.float16: [[0.5, -1.25, 3.0, 0.0], [-2.0, 0.75, -1.5, 8.0], [6.0, -3.5, 2.25, -0.125]],
    np.complex64: [[0.5 + 1j, -1.25, 3j, 0], [-2 + 0.5j, 0.75, -1.5 - 1j, 8], [6 - 2j, -3.5, 2.25j, -0.125]],
}
RED[np.complex128] = RED[np.complex64]
WIDE = {np.int8: 'int32', np.int16: 'int32', np.uint8: 'uint32', np.uint16: 'uint32'}
for t, v in list(RED.items()) + [(BF16, RED[np.float16])]:
    n = name(t if t == BF16 else np.dtype(t).name)
    m = inp(f'{n}.m', bf16(v) if t == BF16 else np.array(v, dtype=t))
    a = m.double().numpy() if t == BF16 else m
    wide = WIDE.get(t, n)
    mean_type = 'float32' if t in WIDE else n
    for axis in (0, 1):
        emit(f'{n}.sum{axis}', a.sum(axis), wide)
        emit(f'{n}.prod{axis}', a.prod(axis), wide)
        # The mean's quotient rounded to f32 and then to 16 bits rounds as once (24 >= 2 * 11 + 2 bits).
        if t == BF16:
            mean = bf16(a.mean(axis))
        elif t in WIDE:
            mean = a.mean(axis).astype(np.float32)
        elif np.dtype(t).kind == 'c':
            # JAX divides each part of the sum by the count, rounding once; NumPy's complex mean can
            # be an ulp away from that.
            s = a.sum(axis)
            mean = (s.real / a.shape[axis] + 1j * (s.imag / a.shape[axis])).astype(t)
        else:
            mean = a.astype(np.float64).mean(axis).astype(t)
        emit(f'{n}.mean{axis}', mean, mean_type)
        emit(f'{n}.cumsum{axis}', np.cumsum(a, axis), n)
        if np.dtype(t if t != BF16 else 'float32').kind != 'c':
            emit(f'{n}.max{axis}', a.max(axis), n)
            emit(f'{n}.min{axis}', a.min(axis), n)
            emit(f'{n}.argmax{axis}', a.argmax(axis), 'int32')

# Complex products ---------------------------------------------------------------------------------
for t in [np.complex64, np.complex128]:
    n = np.dtype(t).name
    # Dyadic parts with few bits: every product and sum is exact in either order.
    p = inp(f'{n}.p', np.array([[1 + 2j, -0.5j, 3], [0.25 - 1j, 2 + 2j, -1.5]], dtype=t))
    q = inp(f'{n}.q', np.array([[2 - 1j, 1], [0.5j, -2 + 0.5j], [1 + 1j, 0.75]], dtype=t))
    emit(f'{n}.matmul', p @ q)
    u = inp(f'{n}.u', p[0])
    emit(f'{n}.dot', np.dot(u, p[1]))
    emit(f'{n}.vdot', np.vdot(u, p[1]))
    g = inp(f'{n}.g', (rng.normal(size=(3, 5)) + 1j * rng.normal(size=(3, 5))).astype(t))
    h = inp(f'{n}.h', (rng.normal(size=(5, 2)) + 1j * rng.normal(size=(5, 2))).astype(t))
    emit(f'{n}.matmul_random', g @ h)

# Promotion ----------------------------------------------------------------------------------------
# Where JAX's lattice agrees with NumPy's: the sum of one element of each, NumPy's dtype and value.
AGREE = [('int8', 'uint8'), ('int8', 'int16'), ('uint8', 'uint16'), ('uint8', 'int16'), ('uint16', 'int32'),
         ('int16', 'uint8'), ('int8', 'float16'), ('uint8', 'float16'), ('float16', 'float32'),
         ('float16', 'float64'), ('complex64', 'float64'), ('complex64', 'complex128'),
         ('float16', 'complex64'), ('float32', 'complex64'), ('int8', 'int64'), ('uint8', 'uint32'),
         ('int16', 'float32'), ('uint16', 'float32'), ('bool', 'int8'), ('bool', 'float16'), ('uint16', 'uint32')]
# Where they differ: JAX's result from its published table (https://docs.jax.dev/en/latest/type_promotion.html),
# NumPy's value written in that dtype. NumPy widens i16 + f16 to f32, i32 + f32 to f64, i32 + c64 to c128,
# u32 + i8 to i64 (as JAX), and has no bfloat16.
DIFFER = [('int16', 'float16', 'float16'), ('uint16', 'float16', 'float16'), ('int32', 'float16', 'float16'),
          ('int64', 'float16', 'float16'), ('int32', 'float32', 'float32'), ('uint32', 'float32', 'float32'),
          ('int32', 'complex64', 'complex64'), ('int64', 'float32', 'float32'), ('bfloat16', 'float16', 'float32'),
          ('bfloat16', 'int64', BF16), ('bfloat16', 'uint8', BF16), ('bfloat16', 'float32', 'float32'),
          ('bfloat16', 'complex64', 'complex64'), ('bfloat16', 'float64', 'float64')]
PROMOTE_VALUES = {'bool': True, 'float16': 1.5, 'float32': 0.25, 'float64': 0.125, 'complex64': 1 + 2j,
                  'complex128': 0.5 - 1j, 'bfloat16': 2.5}


def operand(key, dtype, default):
    v = PROMOTE_VALUES.get(dtype, default)
    return inp(key, bf16([v]) if dtype == BF16 else np.array([v], dtype=dtype))


for a, b in AGREE:
    emit(f'promote.{a}.{b}', operand(f'promote.{a}.{b}.x', a, 3) + operand(f'promote.{a}.{b}.y', b, 5))
for a, b, jax in DIFFER:
    x, y = operand(f'promote.{a}.{b}.x', a, 3), operand(f'promote.{a}.{b}.y', b, 5)
    x, y = [v.double().numpy() if isinstance(v, torch.Tensor) else v for v in (x, y)]
    s = x.astype(np.complex128) + y if 'complex' in a + b else x.astype(np.float64) + y.astype(np.float64)
    emit(f'promote.{a}.{b}', bf16(s) if jax == BF16 else s.astype(jax), name(jax))
