#!/usr/bin/env python3
"""Prints the size of every file in a build folder, raw and gzip -9, then the
gzip total against the transfer budget. Exits non-zero when over budget.

Usage: tools/sizes.py [dist] [budget in kB, default 150]
"""

import gzip
import sys
from pathlib import Path


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    budget_kb = float(sys.argv[2]) if len(sys.argv) > 2 else 150.0
    if not folder.is_dir():
        print(f"sizes: {folder}/ does not exist; run `make dist` first", file=sys.stderr)
        return 1

    files = sorted(p for p in folder.rglob("*") if p.is_file())
    rows = []
    for path in files:
        data = path.read_bytes()
        rows.append((str(path.relative_to(folder)), len(data), len(gzip.compress(data, 9, mtime=0))))

    width = max([len(name) for name, _, _ in rows] + [len("total")])
    print(f"{'file':<{width}}  {'raw':>10}  {'gzip -9':>10}")
    for name, raw, gz in rows:
        print(f"{name:<{width}}  {raw / 1000:>7.1f} kB  {gz / 1000:>7.1f} kB")
    total_raw = sum(raw for _, raw, _ in rows)
    total_gz = sum(gz for _, _, gz in rows)
    print(f"{'total':<{width}}  {total_raw / 1000:>7.1f} kB  {total_gz / 1000:>7.1f} kB")

    within = total_gz / 1000 <= budget_kb
    verdict = "within budget" if within else "OVER BUDGET"
    print(f"budget: {total_gz / 1000:.1f} kB gzip of {budget_kb:g} kB ({verdict})")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
