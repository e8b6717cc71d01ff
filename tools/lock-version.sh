#!/usr/bin/env bash
# Prints the version of one package as recorded in Cargo.lock, for example
# `tools/lock-version.sh wasm-bindgen` prints `0.2.130`.
# It exits non-zero when Cargo.lock is missing or does not list the package.
set -euo pipefail

name="${1:?usage: lock-version.sh PACKAGE}"
lock="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/Cargo.lock"
[ -f "$lock" ] || { echo "lock-version.sh: $lock not found" >&2; exit 1; }

# Cargo.lock lists each package as a `[[package]]` block whose first two lines
# are `name = "…"` and `version = "…"`.
version="$(awk -v want="$name" '
    /^\[\[package\]\]/ { in_pkg = 1; found = 0; next }
    in_pkg && $1 == "name" { found = ($3 == "\"" want "\"") ; next }
    in_pkg && found && $1 == "version" { gsub(/"/, "", $3); print $3; exit }
' "$lock")"
[ -n "$version" ] || { echo "lock-version.sh: $name is not in Cargo.lock" >&2; exit 1; }
echo "$version"
