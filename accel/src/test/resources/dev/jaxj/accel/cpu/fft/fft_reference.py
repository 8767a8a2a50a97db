"""Writes fft_reference.txt: inputs and NumPy's float64 transforms that FftEngineReferenceTest
checks the engine against, in f32 and f64.
Run from this folder: python3 fft_reference.py > fft_reference.txt

Each case is three lines: 'case KIND OUTER N INNER', 'x VALUES' (the input, row-major, complex
values as re im pairs), 'y VALUES' (NumPy's result in complex128 or float64). The array is
[OUTER, N, INNER] and is transformed along its middle axis; KIND is fft, ifft, rfft or irfft
(for irfft the input axis has N // 2 + 1 entries and N is the output length); fftn and ifftn
transform over all three axes, rfftn and irfftn over the last two. Inputs are
multiples of 1/64, exact in f32 and f64 alike.
"""
import numpy as np

rng = np.random.default_rng(20261207)


def values(a):
    a = np.asarray(a)
    if np.iscomplexobj(a):
        a = np.stack([a.real, a.imag], axis=-1)
    return ' '.join(repr(float(v)) for v in a.ravel())


def data(shape, complex_=True):
    re = rng.integers(-256, 257, shape) / 64.0
    if not complex_:
        return re
    return re + 1j * (rng.integers(-256, 257, shape) / 64.0)


def case(kind, outer, n, inner):
    if kind == 'fft':
        x = data((outer, n, inner))
        y = np.fft.fft(x, axis=1)
    elif kind == 'ifft':
        x = data((outer, n, inner))
        y = np.fft.ifft(x, axis=1)
    elif kind in ('fftn', 'ifftn'):
        x = data((outer, n, inner))
        y = np.fft.fftn(x) if kind == 'fftn' else np.fft.ifftn(x)
    elif kind == 'rfftn':
        x = data((outer, n, inner), complex_=False)
        y = np.fft.rfftn(x, axes=(1, 2))
    elif kind == 'irfftn':
        x = data((outer, n, inner // 2 + 1))
        y = np.fft.irfftn(x, s=(n, inner), axes=(1, 2))
    elif kind == 'rfft':
        x = data((outer, n, inner), complex_=False)
        y = np.fft.rfft(x, axis=1)
    else:
        x = data((outer, n // 2 + 1, inner))
        y = np.fft.irfft(x, n=n, axis=1)
    print(f"case {kind} {outer} {n} {inner}")
    print('x ' + values(x))
    print('y ' + values(y))


for n in (1, 2, 3, 5, 7, 8, 12, 16, 97, 128, 210, 1000, 1021, 4096):
    for kind in ('fft', 'ifft', 'rfft', 'irfft'):
        case(kind, 1, n, 1)
# batches: rows side by side, a strided inner axis, both at once; smooth, odd and Bluestein lengths
for outer, n, inner in ((5, 16, 1), (3, 12, 7), (2, 97, 3), (1, 64, 40), (20, 9, 1), (2, 30, 2)):
    for kind in ('fft', 'ifft', 'rfft', 'irfft'):
        case(kind, outer, n, inner)
# every axis at once: rows, a strided middle axis and the leading one
for outer, n, inner in ((4, 6, 8), (3, 97, 2), (16, 16, 16)):
    for kind in ('fftn', 'ifftn'):
        case(kind, outer, n, inner)
# real transforms over the last two axes (for irfftn INNER is the last output length)
for outer, n, inner in ((2, 6, 8), (1, 5, 7), (3, 97, 4)):
    for kind in ('rfftn', 'irfftn'):
        case(kind, outer, n, inner)
