#!/usr/bin/env python3
"""Prints one table of every benchmark figure that `make bench` collected, against its target.

Usage: tools/bench/report.py [target/bench] [--criterion criterion.txt] [--markdown]

Reads cli-{default,sotu}.json (`folio bench --json`), browser-{default,sotu}.json
(tools/bench/browser.mjs --json) and the dist folders dist-{default,sotu}; whatever is missing is
left out. With --markdown the table is a Markdown table, as in BENCHMARKS.md.
"""

import gzip
import json
import sys
from pathlib import Path

CORPORA = (("default", "default (data/)"), ("sotu", "SOTU"))
TARGET_FIRST_RESULTS_MS = {"default": 200.0}


def load(path: Path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def size(n) -> str:
    if n is None:
        return "—"
    return f"{n / 1e6:.2f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB"


def num(x, digits=1) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def dist_sizes(folder: Path):
    """Raw and gzip -9 totals of a build folder, and of its WASM (a release packs it into a .lzma
    file), as tools/sizes.py counts."""
    if not folder.is_dir():
        return None
    total = [0, 0]
    wasm = [0, 0]
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        gz = len(gzip.compress(data, 9, mtime=0))
        total[0] += len(data)
        total[1] += gz
        if path.suffix in (".wasm", ".lzma"):
            wasm[0] += len(data)
            wasm[1] += gz
    return {"raw": total[0], "gzip": total[1], "wasm_raw": wasm[0], "wasm_gzip": wasm[1]}


def verdict(ok) -> str:
    if ok is None:
        return ""
    return "met" if ok else "MISSED"


def rows(folder: Path):
    cli = {key: load(folder / f"cli-{key}.json") for key, _ in CORPORA}
    browser = {key: load(folder / f"browser-{key}.json") for key, _ in CORPORA}
    dists = {key: dist_sizes(folder / f"dist-{key}") for key, _ in CORPORA}
    out = []

    def row(name, values, target=""):
        out.append((name, [values.get(key, "—") for key, _ in CORPORA], target))

    def each(f):
        return {key: f(cli[key]) for key, _ in CORPORA if cli[key]}

    if any(cli.values()):
        row("load average at start", each(lambda c: c.get("load_average") or "—"))
        row("source text", each(lambda c: size(c["sizes"]["source"])))
        row("documents / sections", each(lambda c: f"{c['documents']} / {c['sections']}"))
        row("words / distinct terms", each(lambda c: f"{c['words']:,} / {c['terms']:,}"))
        row("ingest, MB/s (1 core)", each(lambda c: num(c["ingest"]["mb_per_s"])))
        row(
            "  ingest / of which topics, ms",
            each(
                lambda c: f"{num(c['ingest']['median_ms'], 2)} / {num(c['topics']['median_ms'], 2)}"
                if "topics" in c
                else num(c["ingest"]["median_ms"], 2)
            ),
        )
        row(
            "index build, MB/s (1 core)",
            each(lambda c: f"{num(c['index']['mb_per_s'])} ({verdict(c['targets']['index_met'])})"),
            "≥ 10 MB/s",
        )
        for part, label in (("corpus", "blob: corpus"), ("index", "blob: index"), ("total", "blob: total")):
            row(
                f"{label}, raw / gzip -9",
                each(
                    lambda c, part=part: f"{size(c['sizes'][part])} / {size(c['sizes'][part + '_gzip'])}"
                ),
            )
        row(
            "blob total ÷ source text, raw / gzip",
            each(
                lambda c: f"{c['sizes']['total'] / c['sizes']['source']:.2f}× / "
                f"{c['sizes']['total_gzip'] / c['sizes']['source']:.2f}×"
            ),
        )
        row(
            "source text gzip -9 (for scale)",
            each(lambda c: size(c["sizes"]["source_gzip"])),
        )
        row(
            "query p50 / p95 / max, µs (all)",
            each(
                lambda c: f"{num(c['latency']['overall']['p50_us'])} / "
                f"{num(c['latency']['overall']['p95_us'])} / {num(c['latency']['overall']['max_us'], 0)}"
                f" ({verdict(c['targets']['p95_met'])})"
            ),
            "p95 ≤ 50 µs (default), ≤ 2000 µs (SOTU)",
        )
        kinds = ["1-word", "2-word", "3-word", "phrase", "prefix", "typo", "exclude"]
        for c in cli.values():
            for k in sorted((c or {}).get("latency", {}).get("kinds", {})):
                if k not in kinds:
                    kinds.append(k)
        for kind in kinds:
            row(
                f"  {kind}: p50 / p95, µs",
                {
                    key: f"{num(c['latency']['kinds'][kind]['p50_us'])} / {num(c['latency']['kinds'][kind]['p95_us'])}"
                    for key, c in cli.items()
                    if c and kind in c["latency"]["kinds"]
                },
            )

    if any(dists.values()):
        row(
            "search build (dist), raw / gzip -9",
            {k: f"{size(d['raw'])} / {size(d['gzip'])}" for k, d in dists.items() if d},
        )
        row(
            "  of which the WASM (packed), raw / gzip -9",
            {k: f"{size(d['wasm_raw'])} / {size(d['wasm_gzip'])}" for k, d in dists.items() if d},
        )

    if any(browser.values()):
        def first(b, key):
            s = b["first_results"]["results"]
            target = TARGET_FIRST_RESULTS_MS.get(key)
            mark = f" ({verdict(s['median'] <= target)})" if target and s["median"] is not None else ""
            return f"{num(s.get('min'))} / {num(s['median'])} / {num(s['p95'])}{mark}"

        def phase(name):
            return {
                k: f"{num(b['first_results'][name].get('min'))} / {num(b['first_results'][name]['median'])} / {num(b['first_results'][name]['p95'])}"
                for k, b in browser.items()
                if b
            }

        row("browser: load average at start", {k: b.get("load_average", "—") for k, b in browser.items() if b})
        row("browser: query in URL", {k: f"“{b['query']}”" for k, b in browser.items() if b})
        row("  WASM downloaded, ms min / median / p95", phase("wasm"))
        row("  app first render, ms min / median / p95", phase("app"))
        row(
            "  first results, ms min / median / p95",
            {k: first(b, k) for k, b in browser.items() if b},
            "≤ 200 ms (default)",
        )
        row("browser: typed", {k: f"“{b['typed']}”" for k, b in browser.items() if b})
        row(
            "  key → results, ms median / p95 / max",
            {
                k: f"{num(b['keystroke']['median'])} / {num(b['keystroke']['p95'])} / {num(b['keystroke']['max'])}"
                for k, b in browser.items()
                if b
            },
        )
    return out


def main() -> int:
    args = sys.argv[1:]
    markdown = "--markdown" in args
    criterion = None
    if "--criterion" in args:
        criterion = Path(args[args.index("--criterion") + 1])
        del args[args.index("--criterion") : args.index("--criterion") + 2]
    args = [a for a in args if a != "--markdown"]
    folder = Path(args[0] if args else "target/bench")
    table = rows(folder)
    if not table:
        print(f"report: nothing measured in {folder}/", file=sys.stderr)
        return 1
    heads = ["measure"] + [label for _, label in CORPORA] + ["target"]
    body = [[name, *values, target] for name, values, target in table]
    if markdown:
        print("| " + " | ".join(heads) + " |")
        print("|" + "|".join("---" for _ in heads) + "|")
        for r in body:
            print("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
    else:
        widths = [max(len(str(r[i])) for r in [heads] + body) for i in range(len(heads))]
        line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
        print(line(heads))
        print(line(["-" * w for w in widths]))
        for r in body:
            print(line(r))
    if criterion and criterion.is_file():
        print("\ncriterion (cargo bench -p folio-core), default corpus:")
        # A benchmark's own lines start with its name; the change since the last run is left out.
        named = False
        for text in criterion.read_text().splitlines():
            if "time:" in text and not text.lstrip().startswith("time:"):
                print("  " + text.strip())
                named = True
            elif named and text.lstrip().startswith("thrpt:"):
                print("  " + " " * (text.index("thrpt:") - 2) + text.strip())
            else:
                named = False
    return 0


if __name__ == "__main__":
    sys.exit(main())
