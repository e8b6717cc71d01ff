#!/usr/bin/env python3
"""Finishes a Trunk build (run by Trunk as its post_build hook, see Trunk.toml): writes
embed.html, the page for frames; mount.js, the module other pages import; and sw.js, the
service worker, with the build's version and the list of files it keeps offline.

The version is a hash of every file of the build, so any change to the code, the styles or
the corpus makes a new service worker and a new cache.

Usage: tools/seal_dist.py [build dir]   (default: $TRUNK_STAGING_DIR)
"""

import hashlib
import json
import os
import re
import sys
from pathlib import Path

SOURCE = Path(os.environ.get("TRUNK_SOURCE_DIR", Path(__file__).resolve().parent.parent))
# Generated here, so never part of the version (sw.js) or never offline (nothing).
WORKER = "sw.js"


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    index = (folder / "index.html").read_text(encoding="utf-8")

    script = re.search(r'data-folio-glue="\.?/?([^"]+)"\s+data-folio-wasm="\.?/?([^"]+)"', index)
    if not script:
        print("seal_dist: index.html has no folio loader script", file=sys.stderr)
        return 1
    glue, wasm = script.groups()
    styles = re.findall(r'<link rel="stylesheet" href="\.?/?([^"]+\.css)"', index)

    # The frame page: the same page, marked so that the app starts in embed mode.
    embed = index.replace("<body>", "<body data-folio-embed>", 1)
    (folder / "embed.html").write_text(embed, encoding="utf-8")

    mount = (SOURCE / "assets" / "mount.js").read_text(encoding="utf-8")
    mount = (mount.replace("__FOLIO_GLUE__", glue).replace("__FOLIO_WASM__", wasm)
             .replace("__FOLIO_STYLES__", json.dumps(styles)))
    (folder / "mount.js").write_text(mount, encoding="utf-8")

    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                   if p.is_file() and p.name != WORKER)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
    version = digest.hexdigest()[:16]

    worker = (SOURCE / "assets" / WORKER).read_text(encoding="utf-8")
    worker = (worker.replace("__FOLIO_VERSION__", version)
              .replace("__FOLIO_FILES__", json.dumps(files)))
    (folder / WORKER).write_text(worker, encoding="utf-8")
    print(f"seal_dist: version {version}, {len(files)} files kept offline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
