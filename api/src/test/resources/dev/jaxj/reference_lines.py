"""The line format of the reference files that MiscReference reads (numpy_misc/, lax/), shared by
the scripts that write them: name|kind|shape|values, kind float, int or bool, floats as the repr
of float64, integers and bools as ints. Names starting with 'in.' are inputs."""
import numpy as np


def emit(name, a):
    a = np.asarray(a)
    kind = 'bool' if a.dtype == np.bool_ else ('int' if np.issubdtype(a.dtype, np.integer) else 'float')
    vals = ' '.join(str(int(v)) if kind != 'float' else repr(float(v)) for v in a.ravel())
    shape = ','.join(str(d) for d in a.shape)
    print(f'{name}|{kind}|{shape}|{vals}')


def inp(name, a):
    emit('in.' + name, a)
    return np.asarray(a)
