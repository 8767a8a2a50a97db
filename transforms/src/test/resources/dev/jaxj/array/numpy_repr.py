"""Writes numpy_repr.txt: NumPy's array2string, wrapped the way JAX's Array.__repr__ wraps it
(prefix 'Array(', suffix ',', the dtype after the last line), for the cases ArrayPrinterNumpyTest
checks. Run with python3 and NumPy (2.x) from this folder: python3 numpy_repr.py > numpy_repr.txt
"""
import numpy as np

LINE_WIDTH = 75


DEFAULT = (8, 1000, 3, LINE_WIDTH, False)


def jax_repr(a, options=DEFAULT):
    precision, threshold, edgeitems, line_width, suppress = options
    prefix = 'Array('
    dtype_str = f'dtype={a.dtype.name})'
    with np.printoptions(precision=precision, threshold=threshold, edgeitems=edgeitems, linewidth=line_width,
                         suppress=suppress):
        s = np.array2string(a, prefix=prefix, suffix=',', separator=', ', max_line_width=line_width)
    last_line_len = len(s) - s.rfind('\n') + 1
    sep = ' '
    if last_line_len + len(dtype_str) + 1 > line_width:
        sep = ' ' * len(prefix)
    return f"{prefix}{s},{sep}{dtype_str}"


def arange(n, dtype, step=1, start=0, shape=None):
    """Values start + i * step computed in the dtype, so that Java can build the same array."""
    a = (np.arange(n).astype(dtype) * np.asarray(step, dtype) + np.asarray(start, dtype)).astype(dtype)
    return a.reshape(shape if shape else (n,)), f'arange {n} {step!r} {start!r}'


def explicit(values, dtype, shape=None):
    a = np.asarray(values, dtype=dtype)
    if shape:
        a = a.reshape(shape)
    return a, 'values ' + ' '.join(repr(float(v)) if a.dtype.kind == 'f' else str(int(v)) for v in a.ravel())


CASES = [
    ('f32 shortest digits', explicit([0.3], np.float32)),
    ('f32 tenths', arange(10, np.float32, 0.1)),
    ('f32 fractions pad right', explicit([0.1, 0.25, 1.0], np.float32)),
    ('f32 signs', explicit([-1.5, 10.25, 3.0], np.float32)),
    ('f32 negative zero', explicit([-0.0, 1.0], np.float32)),
    ('f64 thirds wrap', arange(20, np.float64, 1 / 3)),
    ('f64 eight fraction digits', explicit([1 / 3, 2 / 3, 1e-3], np.float64)),
    ('f64 scientific small', explicit([1e-5, 1.0], np.float64)),
    ('f32 scientific mantissas share digits', explicit([1.5e-5, 1.0, 2.25], np.float32)),
    ('f32 scientific wide range', explicit([1.0, 2000.0], np.float32)),
    ('f64 scientific large', explicit([1e10, -3.0], np.float64)),
    ('f32 nan and inf', explicit([np.nan, 1.0, np.inf], np.float32)),
    ('f32 negative inf', explicit([-np.inf, 0.5], np.float32)),
    ('f64 only nan', explicit([np.nan, np.nan], np.float64)),
    ('f32 scientific with nan', explicit([1e-7, np.nan, 3.0], np.float32)),
    ('f32 row wraps', arange(30, np.float32, 1.5)),
    ('f32 3d', arange(24, np.float32, 1, 0, (2, 3, 4))),
    ('f32 summarised 1d', arange(2000, np.float32, 0.5)),
    ('f32 summarised matrix', arange(1000 * 1000, np.float32, 1, 0, (1000, 1000))),
    ('f64 summarised 3d', arange(2000, np.float64, 0.25, 0, (10, 10, 20))),
    ('f32 summarised long rows', arange(2 * 1001, np.float32, 1.25, -7, (2, 1001))),
    ('i32 summarised', arange(2000, np.int32, 1, -1000)),
    ('i64 matrix', explicit([[1, -22], [333, 4]], np.int64)),
    ('i32 wraps', arange(40, np.int32, 1000)),
    ('bool matrix', explicit([True, False, True, True, False, False], np.bool_, (2, 3))),
    ('u32 extremes', explicit([0, 4294967295], np.uint32)),
    ('f32 scalar', explicit(0.3, np.float32)),
    ('f64 rounded to eight fraction digits', explicit([123456.789012345, 0.5], np.float64)),
    ('f64 large positional', explicit([12345678.0, 23456789.5], np.float64)),
    ('f32 largest finite', explicit([3.4028234663852886e38, -1.0], np.float32)),
    ('f64 subnormal', explicit([5e-324, 1.0], np.float64)),
    ('f64 mantissa rounds up to ten', explicit([9.99999999999e-5, 1.0], np.float64)),
    ('f32 negative scientific', explicit([-2.5e-6, 7.0, -1e9], np.float32)),
    ('f64 scalar scientific', explicit(1e-9, np.float64)),
    ('f32 column', arange(12, np.float32, 0.75, -3, (12, 1))),
    ('f64 extremes', explicit([1.7976931348623157e308, 5e-324, -1.7976931348623157e308], np.float64)),
    ('f32 smallest', explicit([1.401298464324817e-45, 1.1754943508222875e-38, 1e-30], np.float32)),
    ('f32 short mantissas widened', explicit([0.1, 3e-7, 123.0], np.float32)),
    ('f32 tenth is one digit', explicit([0.1, 0.2], np.float32)),
    ('f32 sum of tenths in f32', explicit([np.float32(0.1) + np.float32(0.2)], np.float32)),
    ('f64 sum of tenths in f64', explicit([0.1 + 0.2], np.float64)),
    ('f32 tiny scalar', explicit(1e-8, np.float32)),
    ('f64 tiny scalar', explicit(1e-8, np.float64)),
    ('f32 whole scalar', explicit(1.0, np.float32)),
    ('f64 whole scalar', explicit(-2.0, np.float64)),
    ('f32 negative zero scalar', explicit(-0.0, np.float32)),
    ('f64 negative zeros', explicit([-0.0, -0.0], np.float64)),
    ('f32 nan scalar', explicit(np.nan, np.float32)),
    ('f64 negative inf scalar', explicit(-np.inf, np.float64)),
    ('f32 huge', explicit([1e30, 2.5e35], np.float32)),
    ('f64 huge and tiny', explicit([1e300, 1e-300], np.float64)),
    ('f32 just below 1e8', explicit([99999992.0, 1.0], np.float32)),
    ('f32 1e8', explicit([1e8, 1.0], np.float32)),
    ('f64 ratio just within 1e3', explicit([1.0, 1000.0], np.float64)),
    ('f64 ratio beyond 1e3', explicit([1.0, 1000.5], np.float64)),
    ('f64 1e-4 positional', explicit([1e-4, 1.0], np.float64)),
    ('f32 zeros', explicit([0.0, 0.0, 0.0], np.float32)),
    ('f64 2d nan inf', explicit([[np.nan, -np.inf], [1.25, -0.0]], np.float64)),
    ('f64 2d scientific', explicit([[1e-9, 2.0], [3.5e4, -7.25]], np.float64)),
    ('i32 scalar', explicit(-7, np.int32)),
    ('i32 3d', arange(24, np.int32, 5, -60, (2, 3, 4))),
    ('i32 extremes', explicit([-2147483648, 2147483647, 0], np.int32)),
    ('i64 extremes', explicit([-9223372036854775808, 9223372036854775807], np.int64)),
    ('i32 summarised 3d', arange(2 * 30 * 40, np.int32, 1, 0, (2, 30, 40))),
    ('bool scalar true', explicit(True, np.bool_)),
    ('bool scalar false', explicit(False, np.bool_)),
    ('bool 3d', explicit([True, False] * 6, np.bool_, (2, 3, 2))),
    ('bool summarised', explicit([True, False, False] * 400, np.bool_)),
    ('f64 summarised matrix scientific', arange(40 * 40, np.float64, 1e-6, 0, (40, 40))),
    ('f32 summarised column', arange(1001, np.float32, 0.5, 0, (1001, 1))),
    ('f32 width one axis summarised', arange(2000, np.float32, 1, 0, (1, 2000))),
    ('f16 fractions', explicit([1.5, -0.25, 3.0, 0.0999755859375], np.float16)),
    ('f16 negative zero scientific', explicit([1e-5, -0.0, 65504.0], np.float16)),
    ('f16 negative zero', explicit([-0.0, 2.5], np.float16)),
    ('f16 nan inf', explicit([np.nan, -np.inf, 0.5], np.float16)),
    ('i8 extremes', explicit([-128, 127, 0, -1], np.int8)),
    ('u8 extremes', explicit([0, 255, 7], np.uint8)),
    ('i16 matrix', explicit([[-32768, 5], [32767, -40]], np.int16)),
    ('u16 extremes', explicit([0, 65535, 300], np.uint16)),
]

# Cases printed with other options (precision, threshold, edge items, line width, suppress).
OPTION_CASES = [
    ('precision 3', explicit([1 / 3, 2.0, 0.0005], np.float64), (3, 1000, 3, 75, False)),
    ('threshold 20', arange(100, np.float32, 0.01), (8, 20, 3, 75, False)),
    ('edge items 1', arange(60, np.int32, 1, 0, (6, 10)), (8, 10, 1, 75, False)),
    ('line width 30', arange(12, np.float64, 0.5), (8, 1000, 3, 30, False)),
    ('suppress small', explicit([1e-10, 1.0, 0.5], np.float64), (8, 1000, 3, 75, True)),
    ('suppress negative small', explicit([-1e-10, 2.0], np.float32), (8, 1000, 3, 75, True)),
    ('suppress wide range', explicit([1.0, 5000.25], np.float64), (8, 1000, 3, 75, True)),
    ('suppress keeps huge scientific', explicit([1e9, 1e-9], np.float64), (8, 1000, 3, 75, True)),
    ('suppress precision 2', explicit([0.001, 0.125, 3.14159], np.float64), (2, 1000, 3, 75, True)),
    ('precision 0', explicit([0.4, 1.5, 2.5, -2.6], np.float64), (0, 1000, 3, 75, False)),
    ('threshold 0 edge items 2', arange(10, np.float32, 0.5), (8, 0, 2, 75, False)),
]

for name, (a, spec), options in [(n, c, DEFAULT) for n, c in CASES] + OPTION_CASES:
    print(f'case {name}')
    print(f'dtype {a.dtype.name}')
    print('shape ' + ' '.join(str(d) for d in a.shape))
    print('options ' + ' '.join(str(int(o)) for o in options))
    print(spec)
    print(jax_repr(a, options))
    print('end')
