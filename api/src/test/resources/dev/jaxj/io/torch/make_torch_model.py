"""Writes the PyTorch reference files that TorchWeightsTest and SafetensorsNumpyFileTest read.

Run from this folder with Debian's python3-torch:  /usr/bin/python3 make_torch_model.py
For each model: <name>.safetensors holds model.state_dict(), <name>_io.safetensors holds an input
"x" and PyTorch's output "y" in eval mode. dtypes.safetensors holds one tensor per dtype with the
values listed in DTYPES below. The safetensors files are written by hand (the safetensors
package is not installed here): an 8-byte little-endian header length, the JSON header padded
with spaces to a multiple of 8, then each tensor's little-endian bytes in order.
"""
import json
import struct

import numpy as np
import torch
from torch import nn

NUMPY_CODES = {np.dtype('float32'): 'F32', np.dtype('float64'): 'F64', np.dtype('int32'): 'I32',
               np.dtype('int64'): 'I64', np.dtype('uint32'): 'U32', np.dtype('bool'): 'BOOL'}


def save_file(tensors, path):
    header, chunks, offset = {}, [], 0
    for name, value in tensors.items():
        a = value.detach().numpy() if isinstance(value, torch.Tensor) else value
        a = np.array(a, order='C')  # not ascontiguousarray, which makes a 0-d array 1-d
        data = a.astype(a.dtype.newbyteorder('<')).tobytes()
        header[name] = {'dtype': NUMPY_CODES[a.dtype], 'shape': list(a.shape), 'data_offsets': [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(',', ':')).encode('utf-8')
    text += b' ' * (-len(text) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)))
        f.write(text)
        for c in chunks:
            f.write(c)


def export(name, model, x):
    model.eval()
    with torch.no_grad():
        y = model(x)
    save_file(model.state_dict(), name + '.safetensors')
    save_file({'x': x, 'y': y}, name + '_io.safetensors')


torch.manual_seed(0)

# An MLP: jaxj's Sequential.of(Dense.of(8), Activation.TANH, Dense.of(3)) on f32[5, 4].
export('mlp', nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3)), torch.randn(5, 4))

# A small CNN with batch statistics that are not the initial ones: a few training passes move them.
cnn = nn.Sequential(nn.Conv2d(2, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(4, 6, 2, bias=False), nn.Flatten(), nn.Linear(6 * 2 * 2, 5))
with torch.no_grad():
    cnn[1].weight.uniform_(0.5, 1.5)
    cnn[1].bias.uniform_(-0.5, 0.5)
    cnn.train()
    for _ in range(3):
        cnn(torch.randn(8, 2, 6, 6) * 2 + 0.5)
export('cnn', cnn, torch.randn(2, 2, 6, 6))

# Token embeddings, layer normalisation and a projection: inputs i64[2, 3] of indices below 10.
seq = nn.Sequential(nn.Embedding(10, 6), nn.LayerNorm(6), nn.Linear(6, 2))
with torch.no_grad():
    seq[1].weight.uniform_(0.5, 1.5)
    seq[1].bias.uniform_(-0.5, 0.5)
export('embed', seq, torch.tensor([[1, 9, 0], [4, 4, 7]]))

# One tensor per dtype jaxj has, with values the test states literally.
save_file({
    'f32': np.array([[0.5, -1.25, 3.0e38], [1.0e-45, -0.0, 7.0]], dtype=np.float32),
    'f64': np.array([0.1, -2.5e-300, 1.0e300], dtype=np.float64),
    'i32': np.array([-2147483648, 0, 2147483647], dtype=np.int32),
    'i64': np.array([[-9223372036854775808], [9223372036854775807]], dtype=np.int64),
    'u32': np.array([0, 1, 4294967295], dtype=np.uint32),
    'bool': np.array([True, False, True], dtype=np.bool_),
    'scalar': np.array(42, dtype=np.int64),
}, 'dtypes.safetensors')
