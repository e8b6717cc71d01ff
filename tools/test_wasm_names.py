"""Tests of tools/wasm_names.py over a small hand-written module and its bindings.

Run with `python3 -m unittest discover -s tools` (part of `make test-native`).
"""

import json
import re
import subprocess
import unittest

from wasm_names import NamesError, _name, _sections, shorten


def name(text: str) -> bytes:
    raw = text.encode()
    return bytes([len(raw)]) + raw


def section(kind: int, body: bytes) -> bytes:
    return bytes([kind, len(body)]) + body


IMPORT = "__wbg_alert_0123456789abcdef"
TRAMPOLINE = "wasm_bindgen_0123___convert__closures_____invoke_______true_"

# One imported function (index 0) and one defined function (index 1) that calls it with 7,
# exported twice: as a trampoline and as `mount`.
def module(import_module: str) -> bytes:
    return (
        b"\0asm\x01\0\0\0"
        + section(1, b"\x02" + b"\x60\x01\x7f\x00" + b"\x60\x00\x00")
        + section(2, b"\x01" + name(import_module) + name(IMPORT) + b"\x00\x00")
        + section(3, b"\x01\x01")
        + section(7, b"\x02" + name(TRAMPOLINE) + b"\x00\x01" + name("mount") + b"\x00\x01")
        + section(10, b"\x01\x06\x00\x41\x07\x10\x00\x0b")
    )


MODULE = module("./folio-app_bg.js")

GLUE = f"""
const import0 = {{
{IMPORT}: function(arg0) {{ seen.push(arg0); }},
}};
function {TRAMPOLINE}() {{
wasm.{TRAMPOLINE}();
}}
export function mount() {{
wasm.mount();
}}
export const imports = {{ "./folio-app_bg.js": import0 }};
"""


def wasm_names_of(wasm: bytes) -> tuple[list[tuple[str, str]], list[str]]:
    imports, exports = [], []
    for kind, body in _sections(wasm):
        if kind == 2:
            module, at = _name(body, 1)
            field, _ = _name(body, at)
            imports.append((module, field))
        if kind == 7:
            at = 1
            for _ in range(body[0]):
                field, at = _name(body, at)
                exports.append(field)
                at += 2
    return imports, exports


class ShortenTest(unittest.TestCase):
    def test_names_are_short_in_both_files(self):
        wasm, glue = shorten(MODULE, GLUE)
        imports, exports = wasm_names_of(wasm)
        self.assertEqual(len(imports), 1)
        module, field = imports[0]
        self.assertLessEqual(len(module) + len(field), 5)
        self.assertTrue(all(len(e) <= 3 for e in exports), exports)
        self.assertNotIn(IMPORT, glue)
        self.assertNotIn(TRAMPOLINE, glue)
        self.assertIn(f'"{module}"', glue)
        self.assertIn(f"{field}:", glue)
        for export in exports:
            self.assertIn(f"wasm.{export}()", glue)
        # The names the bindings export to other scripts stay.
        self.assertIn("export function mount()", glue)
        self.assertLess(len(wasm), len(MODULE))

    def test_the_renamed_module_runs_with_the_renamed_bindings(self):
        wasm, glue = shorten(MODULE, GLUE)
        body = re.sub(r"export (function|const)", r"\1", glue)
        script = f"""
const seen = [];
let wasm;
{body}
const {{ instance }} = await WebAssembly.instantiate(new Uint8Array({json.dumps(list(wasm))}), imports);
wasm = instance.exports;
mount();
console.log(JSON.stringify(seen));
"""
        done = subprocess.run(["node", "--input-type=module", "-e", script],
                              capture_output=True, text=True, check=False)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout.strip(), "[7]")

    def test_a_module_imported_by_path_keeps_its_path(self):
        snippet = "./snippets/folio-app-1/inline0.js"
        glue = f"import * as inline0 from '{snippet}';\n" + GLUE.replace(
            '"./folio-app_bg.js": import0', f"'{snippet}': inline0")
        _, renamed = shorten(module(snippet), glue)
        self.assertIn(f"import * as inline0 from '{snippet}';", renamed)
        self.assertRegex(renamed, r'"m0": inline0')

    def test_bindings_that_never_provide_an_import_are_refused(self):
        with self.assertRaisesRegex(NamesError, "do not provide the import"):
            shorten(MODULE, GLUE.replace(f"{IMPORT}: function", "other: function"))

    def test_bindings_that_read_a_missing_export_are_refused(self):
        with self.assertRaisesRegex(NamesError, "wasm.start"):
            shorten(MODULE, GLUE + "wasm.start();\n")

    def test_a_file_that_is_not_wasm_is_refused(self):
        with self.assertRaisesRegex(NamesError, "not a WASM module"):
            shorten(b"<html>", GLUE)

    def test_a_truncated_module_is_refused(self):
        with self.assertRaises(NamesError):
            shorten(MODULE[:-3], GLUE)


if __name__ == "__main__":
    unittest.main()
