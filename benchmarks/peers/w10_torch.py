"""W10 of ../../../shared/WORKLOADS.md at other sequence lengths, for the jaxj lines W10.*_t<T>.

The shared torch peer (../../../shared/bench/peers/py/bench_torch.py) runs W10 at T = 64 only;
this script runs the same two peers, the cell in a Python loop with autograd (`torch`) and
`torch.nn.LSTM` (`torch_nn_lstm`), at T given as arguments (default 4096), with the shared
timing helper, and prints lines `W10.lstm_fwd_bwd_t<T>.torch <ms> ms` and so on.
Usage: /usr/bin/python3 benchmarks/peers/w10_torch.py [T ...]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/bench/peers/py"))
from bench_util import set_thread_env, bench, emit, THREADS  # noqa: E402

set_thread_env()
import math  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(THREADS)


def run(T, Bt=32, I=64, Hd=256):
    torch.manual_seed(3)
    bound = 1 / math.sqrt(Hd)
    Wx = torch.empty(I, 4 * Hd).uniform_(-bound, bound).requires_grad_(True)
    Wh = torch.empty(Hd, 4 * Hd).uniform_(-bound, bound).requires_grad_(True)
    bl = torch.zeros(4 * Hd, requires_grad=True)
    xs = torch.randn(T, Bt, I)

    def lstm(xs):  # as bench_torch.py's W10
        h = torch.zeros(Bt, Hd)
        c = torch.zeros(Bt, Hd)
        hs = []
        for t in range(T):
            gates = xs[t] @ Wx + h @ Wh + bl
            i, f, g, o = gates.split(Hd, dim=1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            hs.append(h)
        return torch.stack(hs)

    def lstm_step():
        loss = lstm(xs).square().mean()
        return torch.autograd.grad(loss, (Wx, Wh, bl))

    s = f"_t{T}"
    emit(f"W10.lstm_fwd_bwd{s}.torch", bench(lstm_step, warmup=3) * 1e3, "ms")
    with torch.no_grad():
        emit(f"W10.lstm_fwd{s}.torch", bench(lambda: lstm(xs), warmup=3) * 1e3, "ms")
    mod = torch.nn.LSTM(I, Hd)

    def module_step():
        out, _ = mod(xs)
        loss = out.square().mean()
        return torch.autograd.grad(loss, list(mod.parameters()))

    emit(f"W10.lstm_fwd_bwd{s}.torch_nn_lstm", bench(module_step, warmup=3) * 1e3, "ms")
    with torch.no_grad():
        emit(f"W10.lstm_fwd{s}.torch_nn_lstm", bench(lambda: mod(xs), warmup=3) * 1e3, "ms")


if __name__ == "__main__":
    for T in [int(a) for a in sys.argv[1:]] or [4096]:
        run(T)
