#!/usr/bin/env python3
"""Writes src/main/resources/dev/jaxj/examples/data/noisy-sines.csv.gz, the data of SineForecast.

Each row is one noisy sine wave sampled at 41 steps t = 0..40:
    s_t = a * sin(w * t + phi) + e_t
with amplitude a ~ U[0.5, 1.5], angular frequency w ~ U[0.25, 0.6] radians per step (periods of
about 10 to 25 steps), phase phi ~ U[0, 2 pi) and independent noise e_t ~ N(0, 0.05^2), all
drawn from Python's Mersenne Twister seeded with 20240607, written with 4 decimals. Only the
standard library is used, and gzip's header carries no timestamp, so reruns give the same bytes.
"""
import gzip
import io
import math
import pathlib
import random

ROWS, STEPS, NOISE, SEED = 400, 41, 0.05, 20240607

def main():
    rng = random.Random(SEED)
    out = io.StringIO()
    out.write(",".join(f"s{t}" for t in range(STEPS)) + "\n")
    for _ in range(ROWS):
        a, w, phi = rng.uniform(0.5, 1.5), rng.uniform(0.25, 0.6), rng.uniform(0, 2 * math.pi)
        out.write(",".join(f"{a * math.sin(w * t + phi) + rng.gauss(0, NOISE):.4f}" for t in range(STEPS)) + "\n")
    path = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/dev/jaxj/examples/data/noisy-sines.csv.gz"
    with open(path, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
        g.write(out.getvalue().encode())

if __name__ == "__main__":
    main()
