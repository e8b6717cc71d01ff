# folio: build, serve and test the in-browser document explorer.
# Run `make help` for the targets. Every target that builds first runs
# `make setup`, which installs missing tools and is quick when nothing is.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Tools: the npm ones (wasm-opt from binaryen, playwright-core) come first,
# then those installed by cargo.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Trunk must use exactly the installed tools and never download one. The
# wasm-bindgen version is read from Cargo.lock when a recipe runs, since setup
# may be the step that creates Cargo.lock; the wasm-opt version is the major
# version of binaryen pinned in package.json.
export TRUNK_TOOLS_WASM_BINDGEN = $(shell tools/lock-version.sh wasm-bindgen 2>/dev/null)
export TRUNK_TOOLS_WASM_OPT = version_$(shell node -p "require('./package.json').devDependencies.binaryen.split('.')[0]")
export TRUNK_SKIP_VERSION_CHECK = true

# Browser tests of the wasm build: wasm-bindgen-test-runner drives the Debian
# chromedriver and itself adds --headless and --no-sandbox; tools/webdriver.json
# names the Chromium binary and adds the flags that keep it off the network.
export CHROMEDRIVER = /usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON = $(CURDIR)/tools/webdriver.json

# The most that dist/ may weigh, gzip -9, in kB: `make dist` fails above it. With topics,
# offline support, embedding and search it weighs 149.4 kB (113.4 kB without search): its WASM's
# functions sorted, its code split into streams and packed with LZMA; a bare Yew app built the
# same way weighs 43 kB with gzip.
BUDGET_KB ?= 150
# The build without search (`make dist-lite`): a ceiling just above, to catch growth.
LITE_BUDGET_KB ?= 114

# Release builds of the WASM compile the standard library along with the app, tuned for
# size: a panic aborts at once instead of formatting a message and a file location, and the
# library takes its small variants (a heapsort instead of a large pattern-defeating sort).
# This saves about 34 kB gzip. The stable compiler takes these unstable options when
# RUSTC_BOOTSTRAP is set; tools/setup.sh adds the library's sources (rust-src), and `make fetch`
# downloads the crates the library needs. Dev builds and tests keep ordinary panics.
RELEASE_ENV := RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"

# FOLIO_DATA=dir, when set, is read by build.rs to embed another corpus; it
# reaches cargo through the environment.

.PHONY: help setup fetch serve build dist dist-lite dist-next sizes test test-fmt test-clippy \
        test-native test-wasm test-e2e test-e2e-lite clean bench

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

setup: ## Install every missing tool (Rust target, Trunk, wasm-bindgen, npm packages, Chromium).
	@tools/setup.sh

fetch: setup ## Download crates, so that Trunk's offline cargo builds find them.
	cargo fetch --quiet
	RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown

serve: fetch ## Serve a dev build at http://127.0.0.1:8080 (FOLIO_DATA=dir picks the corpus).
	trunk serve --address 127.0.0.1 --port 8080

build: fetch ## Build a dev version into dist/.
	trunk build

# Every Trunk build ends with tools/seal_dist.py (a post_build hook in Trunk.toml): it writes
# embed.html, mount.js and the service worker with the build's version and file list.

dist: fetch ## Build the release into dist/ and print its sizes against the budget.
	$(RELEASE_ENV) trunk build --release
	@python3 tools/sizes.py dist $(BUDGET_KB)

dist-lite: fetch ## Build the release without search into target/dist-lite/ and print its sizes.
	$(RELEASE_ENV) TRUNK_BUILD_NO_DEFAULT_FEATURES=true trunk build --release --dist target/dist-lite
	@python3 tools/sizes.py target/dist-lite $(LITE_BUDGET_KB)

# A second deploy for the end-to-end tests of updates, of Markdown (links, notes, tasks, code) and
# of an HTML page: the same code over another, small corpus, in target/e2e/dist-next/. Rebuilt when
# the code, styles, assets, build tools or this recipe change.
NEXT_DIR := target/e2e/dist-next
NEXT_DATA := target/e2e/data-next
NEXT_INPUTS := Makefile $(shell find src crates/*/src crates/*/Cargo.toml styles assets build.rs index.html Trunk.toml Cargo.toml Cargo.lock tools/seal_dist.py tools/wasm_names.py tools/pack.py package-lock.json tests/e2e/web-page.html tests/e2e/diagram.svg -type f 2>/dev/null)

dist-next: $(NEXT_DIR)/sw.js ## Build the second deploy the update tests switch to.

$(NEXT_DIR)/sw.js: $(NEXT_INPUTS)
	@$(MAKE) --no-print-directory fetch
	rm -rf $(NEXT_DATA) && mkdir -p $(NEXT_DATA)
	printf '# The second edition\n\n## What changed\n\nThis deploy replaced the corpus.[^1]\n\n- [x] a new corpus\n- [ ] an old one\n\n## Sources\n\n[^1]: Built by the same code.\n' > $(NEXT_DATA)/second-edition.md
	printf '# Notes on the update\n\n## Whole builds\n\nOld code never meets new data: see [what changed](second-edition.md#what-changed), or start from [the first steps](web-page.html#first-steps).\n\n    make dist\n' > $(NEXT_DATA)/update-notes.md
	cp tests/e2e/web-page.html tests/e2e/diagram.svg $(NEXT_DATA)/
	cp tests/e2e/diagram.svg $(NEXT_DATA)/draft-diagram.svg
	printf '# Everything again\n' > $(NEXT_DATA)/print.md
	printf '# Left out of the explorer\nprint.md\ndraft-*.svg\n' > $(NEXT_DATA)/.folioignore
	$(RELEASE_ENV) FOLIO_DATA=$(CURDIR)/$(NEXT_DATA) trunk build --release --dist $(NEXT_DIR)

sizes: ## Print the sizes of what is in dist/.
	@python3 tools/sizes.py dist $(BUDGET_KB)

# The steps run one after the other, in this order, and stop at the first failure.
test: setup ## Run every check: format, clippy, native tests, wasm tests, release build, end-to-end tests.
	@$(MAKE) --no-print-directory test-fmt
	@$(MAKE) --no-print-directory test-clippy
	@$(MAKE) --no-print-directory test-native
	@$(MAKE) --no-print-directory test-wasm
	@$(MAKE) --no-print-directory dist
	@$(MAKE) --no-print-directory test-e2e
	@$(MAKE) --no-print-directory dist-lite
	@$(MAKE) --no-print-directory test-e2e-lite

test-fmt:
	cargo fmt --all -- --check

test-clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p folio-app --all-targets --no-default-features -- -D warnings

test-native:
	cargo test --workspace
	cargo test -p folio-app --no-default-features
	python3 -m unittest discover -s tools

test-wasm: ## Run the app's wasm tests in headless Chromium, with and without search.
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	    cargo test --target wasm32-unknown-unknown -p folio-app
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	    cargo test --target wasm32-unknown-unknown -p folio-app --no-default-features

test-e2e: dist-next ## Run the end-to-end tests against dist/ (run `make dist` first).
	FOLIO_EXPECT_SEARCH=1 node --test --test-concurrency=1 tests/e2e/

test-e2e-lite: dist-next ## Run every end-to-end test against the build without search (run `make dist-lite` first).
	FOLIO_DIST=target/dist-lite node --test --test-concurrency=1 tests/e2e/

bench: fetch ## Benchmarks (see BENCHMARKS.md): CLI on data/ and SOTU, browser; BENCH_CRITERION=1 adds cargo bench.
	@$(RELEASE_ENV) tools/bench/run.sh

clean: ## Remove build output.
	cargo clean
	rm -rf dist
