#!/usr/bin/env python3
"""Ingest throughput on large inputs: is processing linear in input size?

Builds plain-text, Markdown (plain, and as MkDocs writes it: admonitions, content tabs,
heading attribute lists) and HTML files of about 1, 5 and 10 MB out of the default corpus
(its body repeated, with headings and section breaks kept), runs `folio inspect` on each
(best of three runs, optimised build) and prints one table: size, time, MB/s.
"""

import html
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "000_15142d29402a5562.txt"
FOLIO = ROOT / "target" / "native" / "folio"
SIZES_MB = (1, 5, 10)


def markdown_of(text: str) -> str:
    """The report as Markdown: short standalone lines become `##` headings."""
    out = []
    for block in text.split("\n\n"):
        line = block.strip()
        if line and "\n" not in line and len(line) < 60 and not line.endswith((".", ":", ")")):
            out.append("## " + line)
        else:
            out.append(block)
    return "\n\n".join(out)


def mkdocs_of(text: str) -> str:
    """The report as MkDocs writes Markdown: every third paragraph in an admonition with a
    title, every fifth in a content tab, headings with attribute lists."""
    out = []
    for i, block in enumerate(markdown_of(text).split("\n\n")):
        if block.startswith("## "):
            out.append(f"{block} {{ #part-{i} .wide }}")
        elif i % 3 == 0:
            body = "\n".join("    " + line for line in block.split("\n"))
            out.append(f'!!! note "Paragraph {i}"\n{body}')
        elif i % 5 == 0:
            body = "\n".join("    " + line for line in block.split("\n"))
            out.append(f'=== "Tab {i}"\n\n{body}')
        else:
            out.append(block)
    return "\n\n".join(out)


def html_of(text: str) -> str:
    """The report as the body of a page: `##` headings become `<h2>`, the rest paragraphs."""
    out = []
    for block in markdown_of(text).split("\n\n"):
        if block.startswith("## "):
            out.append(f"<h2>{html.escape(block[3:])}</h2>")
        elif block.strip():
            out.append(f"<p>{html.escape(block)}</p>")
    return "\n".join(out)


def grow(unit: str, megabytes: int, kind: str) -> str:
    copies = max(1, (megabytes * 1_000_000) // len(unit.encode()))
    if kind == "html":
        return (
            "<!DOCTYPE html><html><head><title>Title of the large document</title></head><body>"
            "<nav><a href=index.html>Home</a></nav><main>\n"
            + "\n<hr>\n".join([unit] * copies)
            + "\n</main><footer>The end</footer></body></html>\n"
        )
    return "Title of the large document\n\n" + "\n\n\n\n".join([unit] * copies)


def best_of(runs: int, folder: Path) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(FOLIO), "inspect", str(folder)], check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    subprocess.run(
        ["cargo", "build", "--quiet", "--profile", "native", "-p", "folio-cli"], cwd=ROOT, check=True
    )
    lines = REPORT.read_text(encoding="utf-8").split("\n")
    body = "\n".join(lines[6:-6])  # without breadcrumb, title, date line and signature
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        kinds = (
            ("text", body),
            ("markdown", markdown_of(body)),
            ("mkdocs", mkdocs_of(body)),
            ("html", html_of(body)),
        )
        for kind, unit in kinds:
            for mb in SIZES_MB:
                folder = Path(tmp) / f"{kind}-{mb}"
                folder.mkdir()
                name = {"text": "large.txt", "html": "large.html"}.get(kind, "large.md")
                data = grow(unit, mb, kind)
                (folder / name).write_text(data, encoding="utf-8")
                seconds = best_of(3, folder)
                size = len(data.encode()) / 1_000_000
                rows.append((kind, size, seconds, size / seconds))
    print(f"{'input':<10} {'size MB':>8} {'seconds':>8} {'MB/s':>8}")
    for kind, size, seconds, rate in rows:
        print(f"{kind:<10} {size:>8.1f} {seconds:>8.3f} {rate:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
