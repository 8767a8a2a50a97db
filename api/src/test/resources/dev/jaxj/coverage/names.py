#!/usr/bin/env python3
"""Regenerates names/*.txt from a JAX source checkout and brings map/*.txt in line.

    python3 names.py /path/to/jax            # a clone of jax-ml/jax at the version to track

Reads the autosummary lists of JAX's API pages (docs/jax.numpy.rst, docs/jax.nn.rst,
docs/jax.scipy.rst, docs/jax.lax.rst) and jax/scipy/special/__init__.py, then for each namespace:
- rewrites the names after the header comment of names/<ns>.txt (edit the header's source line
  by hand to name the new version);
- rewrites map/<ns>.txt in the new list's order, keeping every existing line (and the comment
  lines just above it), adding '<ns>.<name> -> -' for a new name, and printing the lines of names
  JAX no longer lists, which it drops.
Afterwards update Floor.listed in CoverageTest and run it. Only the standard library is used.
"""
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent

# In jax.lax's Operators section but communicating across devices: out of scope with the
# Parallel operators section.
LAX_COLLECTIVES = {"ragged_all_to_all"}
# The one entry of the Control flow section that we keep: a scan by an associative operator.
LAX_FROM_CONTROL_FLOW = {"associative_scan"}


def sections(rst):
    """Yields (section title, names) for each autosummary block of an .rst file."""
    lines = rst.splitlines()
    title, i = "", 0
    while i < len(lines):
        line = lines[i]
        underline = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() and re.fullmatch(r"([-=~^])\1{2,}", underline.strip()):
            title = line.strip().strip("`")
            i += 2
            continue
        if line.strip().startswith(".. autosummary::"):
            i += 1
            names = []
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                entry = lines[i].strip()
                if entry and not entry.startswith(":"):
                    names.append(entry)
                i += 1
            yield title, names
            continue
        i += 1


def exports(py):
    """Names a module re-exports with 'from … import (x as x, …)'."""
    return {a for a, b in re.findall(r"\b(\w+) as (\w+)\b", py) if a == b and not a.startswith("_")}


def namespaces(jax):
    docs = jax / "docs"
    out = {k: [] for k in ("jax.numpy", "jax.numpy.linalg", "jax.numpy.fft", "jax.nn", "jax.scipy.special", "jax.lax")}
    for title, names in sections((docs / "jax.numpy.rst").read_text()):
        ns = {"jax.numpy.fft": "jax.numpy.fft", "jax.numpy.linalg": "jax.numpy.linalg"}.get(title, "jax.numpy")
        out[ns] += names
    for _, names in sections((docs / "jax.nn.rst").read_text()):
        out["jax.nn"] += names
    for title, names in sections((docs / "jax.scipy.rst").read_text()):
        if title == "jax.scipy.special":
            out["jax.scipy.special"] += names
    special_init = jax / "jax" / "scipy" / "special" / "__init__.py"
    if special_init.exists():
        out["jax.scipy.special"] += sorted(exports(special_init.read_text()))
    for title, names in sections((docs / "jax.lax.rst").read_text()):
        if title == "Operators":
            out["jax.lax"] += [n for n in names if n not in LAX_COLLECTIVES]
        elif title == "Custom gradient operators":
            out["jax.lax"] += names
        elif title == "Control flow operators":
            out["jax.lax"] += [n for n in names if n in LAX_FROM_CONTROL_FLOW]
    return {ns: sorted(set(names)) for ns, names in out.items()}


def header(path):
    lines = path.read_text().splitlines() if path.exists() else []
    return [l for l in lines[: next((i for i, l in enumerate(lines) if not l.startswith("#")), len(lines))]]


def update(ns, names):
    names_file, map_file = HERE / "names" / f"{ns}.txt", HERE / "map" / f"{ns}.txt"
    names_file.write_text("\n".join(header(names_file) + names) + "\n")
    head = header(map_file)
    kept, pending = {}, []
    for line in map_file.read_text().splitlines()[len(head):] if map_file.exists() else []:
        if not line.strip() or line.startswith("#"):
            pending.append(line)
            continue
        kept[line.split(" -> ")[0].strip()] = pending + [line]
        pending = []
    body = []
    for n in names:
        body += kept.pop(f"{ns}.{n}", [f"{ns}.{n} -> -"])
    for gone in kept.values():
        print(f"{ns}: JAX no longer lists, dropped: {gone[-1]}", file=sys.stderr)
    map_file.write_text("\n".join(head + body) + "\n")
    print(f"{ns}: {len(names)} names")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for ns, names in namespaces(pathlib.Path(sys.argv[1])).items():
        update(ns, names)
