"""Writes fft_reference.txt: NumPy's jax.numpy.fft counterparts in float64, for FftReferenceTest.
Run from this folder with python3 and NumPy 2.x: python3 fft_reference.py > fft_reference.txt

Each line is 'name: v1 v2 ...' (repr, round-trip exact), arrays flattened in row-major order;
the inputs and shapes are fixed by the test (shift inputs are arange(size) reshaped).
"""
import numpy as np


def line(name, a):
    print(name + ': ' + ' '.join(repr(float(v)) for v in np.asarray(a, dtype=np.float64).ravel()))


for n in (1, 2, 5, 8):
    line(f'fftfreq_{n}', np.fft.fftfreq(n))
    line(f'rfftfreq_{n}', np.fft.rfftfreq(n))
line('fftfreq_7_d0.1', np.fft.fftfreq(7, d=0.1))
line('rfftfreq_7_d0.1', np.fft.rfftfreq(7, d=0.1))

x = np.arange(3 * 4 * 5).reshape(3, 4, 5)
line('fftshift_all', np.fft.fftshift(x))
line('ifftshift_all', np.fft.ifftshift(x))
line('fftshift_axis2', np.fft.fftshift(x, axes=2))
line('ifftshift_axes_0_-1', np.fft.ifftshift(x, axes=(0, -1)))
