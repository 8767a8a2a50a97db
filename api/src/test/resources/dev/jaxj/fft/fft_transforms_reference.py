"""Writes fft_transforms_reference.txt: NumPy's transforms (numpy.fft, float64) for FftTransformsTest.
Run from this folder: python3 fft_transforms_reference.py > fft_transforms_reference.txt

Each line is 'name: v1 v2 ...' (repr, round-trip exact), row-major; complex results interleave
(re, im). The inputs are closed forms of the flat index i that the test builds alike:
re[i] = sin(0.37 i + 0.1) + 0.5 cos(1.3 i), im[i] = cos(0.23 i) - 0.2 (real inputs use re only).
"""
import numpy as np
from numpy import fft as F


def data(shape, complex_):
    i = np.arange(int(np.prod(shape)), dtype=np.float64)
    re = np.sin(0.37 * i + 0.1) + 0.5 * np.cos(1.3 * i)
    x = re + 1j * (np.cos(0.23 * i) - 0.2) if complex_ else re
    return x.reshape(shape)


def line(name, a):
    a = np.asarray(a)
    flat = np.stack([a.real, a.imag], axis=-1).ravel() if np.iscomplexobj(a) else a.astype(np.float64).ravel()
    print(name + ': ' + ' '.join(repr(float(v)) for v in flat))


# name, function, input shape, complex input, keyword arguments (the test makes the same calls)
CASES = [
    ('fft_8', F.fft, (8,), True, {}),
    ('fft_7_ortho', F.fft, (7,), True, dict(norm='ortho')),
    ('fft_real_5_forward', F.fft, (5,), False, dict(norm='forward')),
    ('fft_3x6_axis0_n4', F.fft, (3, 6), True, dict(n=4, axis=0)),
    ('fft_13_n10', F.fft, (13,), True, dict(n=10)),
    ('ifft_2x9', F.ifft, (2, 9), True, {}),
    ('ifft_8_ortho', F.ifft, (8,), True, dict(norm='ortho')),
    ('ifft_6_forward', F.ifft, (6,), True, dict(norm='forward')),
    ('rfft_8', F.rfft, (8,), False, {}),
    ('rfft_7_ortho', F.rfft, (7,), False, dict(norm='ortho')),
    ('rfft_4x5_axis0', F.rfft, (4, 5), False, dict(axis=0)),
    ('rfft_11_n16_forward', F.rfft, (11,), False, dict(n=16, norm='forward')),
    ('irfft_5', F.irfft, (5,), True, {}),
    ('irfft_4_n7', F.irfft, (4,), True, dict(n=7)),
    ('irfft_3x4_axis0_n5_ortho', F.irfft, (3, 4), True, dict(n=5, axis=0, norm='ortho')),
    ('irfft_6_forward', F.irfft, (6,), True, dict(norm='forward')),
    ('hfft_5', F.hfft, (5,), True, {}),
    ('hfft_4_n7_ortho', F.hfft, (4,), True, dict(n=7, norm='ortho')),
    ('hfft_2x3_forward', F.hfft, (2, 3), True, dict(norm='forward')),
    ('ihfft_8', F.ihfft, (8,), False, {}),
    ('ihfft_7_ortho', F.ihfft, (7,), False, dict(norm='ortho')),
    ('ihfft_6_n9_forward', F.ihfft, (6,), False, dict(n=9, norm='forward')),
    ('fft2_3x5', F.fft2, (3, 5), True, {}),
    ('fft2_3x5x2_s4x4_axes02_ortho', F.fft2, (3, 5, 2), True, dict(s=(4, 4), axes=(0, 2), norm='ortho')),
    ('ifft2_4x6_forward', F.ifft2, (4, 6), True, dict(norm='forward')),
    ('rfft2_5x6', F.rfft2, (5, 6), False, {}),
    ('rfft2_4x3x2_axes01', F.rfft2, (4, 3, 2), False, dict(axes=(0, 1))),
    ('irfft2_4x4', F.irfft2, (4, 4), True, {}),
    ('irfft2_4x4_s3x5', F.irfft2, (4, 4), True, dict(s=(3, 5))),
    ('fftn_2x3x4', F.fftn, (2, 3, 4), True, {}),
    ('fftn_2x3x2x3', F.fftn, (2, 3, 2, 3), True, {}),
    ('fftn_3x2x5_s3x4_axes20', F.fftn, (3, 2, 5), True, dict(s=(3, 4), axes=(2, 0))),
    ('ifftn_2x3x2x3', F.ifftn, (2, 3, 2, 3), True, {}),
    ('ifftn_3x4_ortho', F.ifftn, (3, 4), True, dict(norm='ortho')),
    ('rfftn_2x3x4', F.rfftn, (2, 3, 4), False, {}),
    ('rfftn_2x2x3x4', F.rfftn, (2, 2, 3, 4), False, {}),
    ('rfftn_4x3x2_s3x5_axes01', F.rfftn, (4, 3, 2), False, dict(s=(3, 5), axes=(0, 1))),
    ('irfftn_2x3x3', F.irfftn, (2, 3, 3), True, {}),
    ('irfftn_2x2x3x3', F.irfftn, (2, 2, 3, 3), True, {}),
    ('irfftn_3x2x4_s2x5_axes02', F.irfftn, (3, 2, 4), True, dict(s=(2, 5), axes=(0, 2))),
]

for name, fn, shape, complex_, kw in CASES:
    line(name, fn(data(shape, complex_), **kw))

# Derivatives: the closed forms the gradient tests check besides central differences.
x = data((6,), False)
line('grad_sum_abs2_fft_6', 2 * 6 * x)                    # Parseval: sum |fft(x)|^2 = n sum x^2
