"""Tests of the images a build publishes (tools/seal_dist.py): which files of the data folder
are copied, where to, and that the list of extensions is the one the corpus links by."""

import re
import sys
import tempfile
import unittest
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import seal_dist  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


class CopyMedia(unittest.TestCase):
    def test_images_are_copied_at_their_paths_and_nothing_else(self):
        with tempfile.TemporaryDirectory() as tmp:
            data, dist = Path(tmp) / "data", Path(tmp) / "dist"
            files = {
                "logo.svg": b"<svg/>",
                "guide/shot 1.PNG": b"png",
                "guide/é.webp": b"webp",
                "notes.md": b"# Notes",
                "guide/.draft.png": b"hidden",
                ".cache/x.png": b"hidden",
                "readme.png.txt": b"text",
            }
            for name, data_bytes in files.items():
                path = data / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data_bytes)
            dist.mkdir()
            self.assertEqual(seal_dist.copy_media(data, dist), 3)
            copied = sorted(str(p.relative_to(dist)) for p in dist.rglob("*") if p.is_file())
            self.assertEqual(copied, ["media/guide/shot 1.PNG", "media/guide/é.webp",
                                      "media/logo.svg"])
            self.assertEqual((dist / "media/logo.svg").read_bytes(), b"<svg/>")

    def test_the_worker_lists_names_as_urls(self):
        # The corpus links to media/guide/shot%201.png; the worker must know the same name.
        self.assertEqual(quote("media/guide/shot 1.png"), "media/guide/shot%201.png")
        self.assertEqual(quote("media/é#.png"), "media/%C3%A9%23.png")

    def test_the_extensions_are_those_of_the_corpus(self):
        source = (ROOT / "crates/folio-core/src/ingest/mod.rs").read_text(encoding="utf-8")
        listed = re.search(r"MEDIA_EXTENSIONS: &\[&str\] =\s*&\[([^\]]*)\]", source)
        self.assertIsNotNone(listed, "MEDIA_EXTENSIONS not found")
        rust = {"." + ext for ext in re.findall(r'"(\w+)"', listed.group(1))}
        self.assertEqual(rust, seal_dist.MEDIA)


if __name__ == "__main__":
    unittest.main()
