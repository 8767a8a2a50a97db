"""Median figures and median per-round ratios of jaxj against every peer configuration.

Usage: python3 benchmarks/ratios.py DIR, where DIR holds peers_<i>.txt and jaxj_<i>.txt per round
(result lines `W<k>.<metric>.<peer> <value> <unit>`). Times give jaxj / peer and rates (units
ending in /s) peer / jaxj: below 1, jaxj takes less time or reaches a higher rate. A metric printed
several times in one round (W11 runs three fresh processes per round) counts as their median."""
import glob
import re
import statistics
import sys

LINE = re.compile(r'^(W\d+)\.(\S+)\.(\S+) ([-+0-9.eE]+) (\S+)')


def rounds(folder):
    found = []
    for jaxj in sorted(glob.glob(f'{folder}/jaxj_*.txt')):
        i = jaxj.rsplit('_', 1)[1].split('.')[0]
        values = {}
        for path in (f'{folder}/peers_{i}.txt', jaxj):
            try:
                for line in open(path):
                    m = LINE.match(line.strip())
                    if m:
                        values.setdefault((m[1], m[2], m[3]), ([], m[5]))[0].append(float(m[4]))
            except FileNotFoundError:
                pass
        found.append({k: (statistics.median(v), unit) for k, (v, unit) in values.items()})
    return found


def main(folder):
    runs = rounds(folder)
    keys = sorted(set().union(*[r.keys() for r in runs]))
    for k in keys:
        vals = [r[k][0] for r in runs if k in r]
        unit = next(r[k][1] for r in runs if k in r)
        print(f"{'.'.join(k)} median {statistics.median(vals):.4g} {unit}  runs {['%.4g' % v for v in vals]}")
    print()
    for w, metric, ours in sorted({k for k in keys if k[2].startswith('jaxj')}):
        for peer in sorted({k[2] for k in keys if k[:2] == (w, metric) and not k[2].startswith('jaxj')}):
            ratios = []
            for r in runs:
                if (w, metric, ours) in r and (w, metric, peer) in r:
                    a, b = r[(w, metric, ours)][0], r[(w, metric, peer)][0]
                    rate = r[(w, metric, ours)][1].endswith('/s')
                    ratios.append(b / a if rate else a / b)
            if ratios:
                print(f"{w} {metric} {ours} vs {peer}: median ratio {statistics.median(ratios):.3f}  runs {['%.3f' % x for x in ratios]}")


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'benchmarks/target/compare')
