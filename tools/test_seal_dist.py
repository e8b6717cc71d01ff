"""Tests of how a build is finished (tools/seal_dist.py): the images a build publishes, copied
at their paths and found by the same key build.rs gives their list; a page it refuses."""

import contextlib
import io
import sys
import tempfile
import unittest
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import seal_dist  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


class CopyMedia(unittest.TestCase):
    def test_the_images_build_rs_lists_are_copied_at_their_paths(self):
        with tempfile.TemporaryDirectory() as tmp:
            data, target, dist = Path(tmp) / "data", Path(tmp) / "target", Path(tmp) / "dist"
            files = {
                "logo.svg": b"<svg/>",
                "guide/shot 1.PNG": b"png",
                "guide/\u00e9.webp": b"webp",
                "left-out.png": b"not listed",
            }
            for name, data_bytes in files.items():
                path = data / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data_bytes)
            listed = target / "folio-media" / f"{seal_dist.folder_key(data)}.txt"
            listed.parent.mkdir(parents=True)
            listed.write_text("guide/shot 1.PNG\0guide/\u00e9.webp\0logo.svg", encoding="utf-8")
            dist.mkdir()
            self.assertEqual(seal_dist.copy_media(data, target, dist), 3)
            copied = sorted(str(p.relative_to(dist)) for p in dist.rglob("*") if p.is_file())
            self.assertEqual(copied, ["media/guide/shot 1.PNG", "media/guide/\u00e9.webp",
                                      "media/logo.svg"])
            self.assertEqual((dist / "media/logo.svg").read_bytes(), b"<svg/>")

    def test_a_build_without_a_list_is_an_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaisesRegex(RuntimeError, "build the app again"):
                seal_dist.copy_media(Path(tmp), Path(tmp) / "target", Path(tmp) / "dist")

    def test_the_key_is_fnv1a_of_the_canonical_path(self):
        # The published FNV-1a 64 values of "" and "a"; build.rs computes the same.
        self.assertEqual(seal_dist.fnv1a(""), "cbf29ce484222325")
        self.assertEqual(seal_dist.fnv1a("a"), "af63dc4c8601ec8c")

    def test_the_worker_lists_names_as_urls(self):
        # The corpus links to media/guide/shot%201.png; the worker must know the same name.
        self.assertEqual(quote("media/guide/shot 1.png"), "media/guide/shot%201.png")
        self.assertEqual(quote("media/\u00e9#.png"), "media/%C3%A9%23.png")


class Page(unittest.TestCase):
    def test_a_page_with_integrity_hashes_is_refused(self):
        # The build renames and rewrites the files such hashes would name.
        page = ('<link rel="stylesheet" href="./a.css" integrity="sha384-AAAA">'
                '<script type="module" src="./loader.js" data-folio-glue="./app.js" '
                'data-folio-wasm="./app_bg.wasm"></script>')
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "index.html").write_text(page, encoding="utf-8")
            said = io.StringIO()
            argv = sys.argv
            sys.argv = ["seal_dist.py", tmp]
            try:
                with contextlib.redirect_stderr(said):
                    self.assertEqual(seal_dist.main(), 1)
            finally:
                sys.argv = argv
            self.assertIn("set no_sri in Trunk.toml", said.getvalue())
            self.assertEqual(sorted(p.name for p in Path(tmp).iterdir()), ["index.html"])


if __name__ == "__main__":
    unittest.main()
