"""Writes complex_division_reference.txt: NumPy's complex128 quotients for the zero, infinite
and NaN operands that ComplexDivisionTest checks, chosen where NumPy's Smith division and
XLA's (Smith with C99's fix-ups, which JAX uses) give the same result.
Run with python3 and NumPy from this folder:
python3 complex_division_reference.py > complex_division_reference.txt

Line format (ReferenceFile): 'name: re0 im0 re1 im1 ...' in Python's repr; 'num' and 'den'
hold the operands, 'quotient' the results. The sign of a zero is checked where written here.
"""
import numpy as np

inf, nan = np.inf, np.nan
cases = [
    (complex(1, 1), complex(0, 0)),      # a zero divisor: inf times each part
    (complex(1, 0), complex(0, 0)),      # 0 / 0 in the imaginary part: nan
    (complex(0, 0), complex(0, 0)),
    (complex(inf, 0), complex(1, 1)),    # an infinite numerator over a finite divisor
    (complex(inf, 1), complex(2, 0)),
    (complex(1, 1), complex(inf, 0)),    # a finite numerator over an infinite divisor: signed zeros
    (complex(1, 2), complex(0, inf)),
    (complex(nan, 0), complex(1, 1)),
    (complex(1, 1), complex(nan, 0)),
    (complex(3, 4), complex(1, -2)),     # an ordinary quotient, exact: -1 + 2i
]


def emit(name, zs):
    print(f'{name}: ' + ' '.join(f'{float(v)!r}' for z in zs for v in (z.real, z.imag)))


num = np.array([c[0] for c in cases], dtype=np.complex128)
den = np.array([c[1] for c in cases], dtype=np.complex128)
with np.errstate(all='ignore'):
    q = num / den
emit('num', num)
emit('den', den)
emit('quotient', q)
