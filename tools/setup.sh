#!/usr/bin/env bash
# Installs everything folio needs to build, serve and test, and nothing twice.
# Each step first checks what is already there, so a second run takes seconds.
# It runs unattended (CI=true, no stdin) on a Debian machine that has rustup,
# cargo, node, npm and python3.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive

TRUNK_VERSION="0.21.14"

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# Prints the first x.y.z version number found in the output of a command, or
# nothing when the command is missing or fails.
version_of() { "$@" 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 || true; }

for tool in rustup cargo node npm; do
    command -v "$tool" >/dev/null || fail "$tool is not on PATH; install it first"
done

# 1. The WebAssembly target of the Rust compiler.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
else
    say "wasm32-unknown-unknown target: installing"
    rustup target add wasm32-unknown-unknown || fail "rustup could not add wasm32-unknown-unknown"
fi

# 1b. The standard library's sources, which release builds compile along with the app.
if rustup component list --installed | grep -q '^rust-src'; then
    say "rust-src component: present"
else
    say "rust-src component: installing"
    rustup component add rust-src || fail "rustup could not add rust-src"
fi

# Release builds abort on panic without a message (-Cpanic=immediate-abort, see the
# Makefile's RELEASE_ENV), which compilers before late 2025 do not know.
if ! RUSTC_BOOTSTRAP=1 rustc -Zunstable-options -Cpanic=immediate-abort \
    --target wasm32-unknown-unknown --print cfg >/dev/null 2>&1; then
    fail "release builds need a Rust compiler that accepts -Cpanic=immediate-abort (1.95 works); this one is $(rustc --version)"
fi

# 2. Trunk, the bundler. Newer releases need a newer rustc than this toolchain.
if [ "$(version_of trunk --version)" = "$TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: present"
else
    say "trunk $TRUNK_VERSION: installing (takes several minutes)"
    cargo install --locked trunk --version "$TRUNK_VERSION" \
        || fail "cargo install trunk $TRUNK_VERSION failed"
fi

# 3. wasm-bindgen-cli, which must match the wasm-bindgen library in Cargo.lock
#    exactly. It also provides wasm-bindgen-test-runner. It is installed
#    without --locked: its own lock file names a version the registry lacks.
if [ ! -f Cargo.lock ]; then
    say "Cargo.lock: missing, generating it"
    cargo generate-lockfile || fail "cargo generate-lockfile failed"
fi
bindgen_version="$(tools/lock-version.sh wasm-bindgen)" || fail "cannot read wasm-bindgen's version from Cargo.lock"
if [ "$(version_of wasm-bindgen --version)" = "$bindgen_version" ] \
    && [ "$(version_of wasm-bindgen-test-runner --version)" = "$bindgen_version" ]; then
    say "wasm-bindgen-cli $bindgen_version: present"
else
    say "wasm-bindgen-cli $bindgen_version: installing (takes a few minutes)"
    cargo install --force wasm-bindgen-cli --version "$bindgen_version" \
        || fail "cargo install wasm-bindgen-cli $bindgen_version failed"
fi

# 4. npm tools pinned in package.json: binaryen (wasm-opt, and wasm-as, which assembles the
#    decoder of the packed WASM), terser (minifies the release's scripts) and playwright-core.
#    `npm ci` runs again whenever package-lock.json changed since the last one.
if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm packages: present"
else
    say "npm packages: installing"
    CI=true npm ci --no-audit --no-fund || fail "npm ci failed"
fi
for bin in wasm-opt wasm-as terser; do
    [ -x "node_modules/.bin/$bin" ] || fail "node_modules/.bin/$bin is missing after npm ci"
done

# 5. Chromium and its WebDriver, from Debian, for the browser tests.
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say "chromium and chromedriver: present"
else
    say "chromium and chromedriver: installing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q || fail "apt-get update failed"
    $sudo apt-get install -y -q chromium chromium-driver || fail "apt-get install chromium chromium-driver failed"
fi

say "done"
