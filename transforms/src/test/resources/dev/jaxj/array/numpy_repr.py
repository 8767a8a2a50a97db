"""Writes numpy_repr.txt: NumPy's array2string, wrapped the way JAX's Array.__repr__ wraps it
(prefix 'Array(', suffix ',', the dtype after the last line), for the cases ArrayPrinterNumpyTest
checks. Run with python3 and NumPy (2.x) from this folder: python3 numpy_repr.py > numpy_repr.txt
"""
import numpy as np

LINE_WIDTH = 75


DEFAULT = (8, 1000, 3, LINE_WIDTH)


def jax_repr(a, options=DEFAULT):
    precision, threshold, edgeitems, line_width = options
    prefix = 'Array('
    dtype_str = f'dtype={a.dtype.name})'
    with np.printoptions(precision=precision, threshold=threshold, edgeitems=edgeitems, linewidth=line_width):
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
]

# Cases printed with other options (precision, threshold, edge items, line width).
OPTION_CASES = [
    ('precision 3', explicit([1 / 3, 2.0, 0.0005], np.float64), (3, 1000, 3, 75)),
    ('threshold 20', arange(100, np.float32, 0.01), (8, 20, 3, 75)),
    ('edge items 1', arange(60, np.int32, 1, 0, (6, 10)), (8, 10, 1, 75)),
    ('line width 30', arange(12, np.float64, 0.5), (8, 1000, 3, 30)),
]

for name, (a, spec), options in [(n, c, DEFAULT) for n, c in CASES] + OPTION_CASES:
    print(f'case {name}')
    print(f'dtype {a.dtype.name}')
    print('shape ' + ' '.join(str(d) for d in a.shape))
    print('options ' + ' '.join(str(o) for o in options))
    print(spec)
    print(jax_repr(a, options))
    print('end')
