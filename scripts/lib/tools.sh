# Shared by scripts/serve and scripts/test: installs what Kanbao's build needs, only from the
# package registries, and checks that every tool matches its pin. Safe to run again: a tool that
# is already there at the right version is left alone.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# npm-installed tools live outside the checkout so that a fresh clone reuses them.
TOOLS_DIR="${KANBAO_TOOLS_DIR:-$HOME/.cache/kanbao-tools}"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version the app links against; the CLI that Trunk runs must be the same.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo is not installed (Kanbao needs Rust 1.95 via rustup)"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  (cd "$ROOT" && cargo fetch --locked -q)
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    say "cargo install trunk $TRUNK_VERSION (10 to 15 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  trunk --version | grep -qx "trunk $TRUNK_VERSION" ||
    die "trunk on PATH is $(trunk --version); Kanbao pins $TRUNK_VERSION: cargo install trunk --version $TRUNK_VERSION --locked --force"
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
    say "cargo install wasm-bindgen-cli $want (a few minutes, once)"
    # Without --locked: the CLI's own lock file names a crate version the registry no longer has.
    cargo install wasm-bindgen-cli --version "=$want" --force
  fi
  wasm-bindgen --version | grep -qx "wasm-bindgen $want" ||
    die "wasm-bindgen on PATH is '$(wasm-bindgen --version)', Cargo.lock has $want: cargo install wasm-bindgen-cli --version =$want --force"
  grep -q "wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml" ||
    die "Trunk.toml pins a wasm_bindgen other than $want (Cargo.lock): update [tools] in Trunk.toml"
}

ensure_wasm_opt() {
  # Debian's binaryen is too old for wasm-bindgen's output; the npm package ships a current one.
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
    say "npm install binaryen@$BINARYEN_VERSION (wasm-opt) into $TOOLS_DIR"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
  fi
  local found
  found="$(command -v wasm-opt)"
  wasm-opt --version | grep -q "version $BINARYEN_VERSION\b" ||
    die "wasm-opt at $found is '$(wasm-opt --version)'; Kanbao needs binaryen $BINARYEN_VERSION first on PATH: npm install --prefix $TOOLS_DIR binaryen@$BINARYEN_VERSION"
}

apt_install() {
  say "apt-get install $*"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -d /usr/share/fonts/opentype/noto ] && fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  # A real web server for the packed archive's browser tests (HTTP Range requests).
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
  local module need=false
  for module in playwright-core axe-core @citation-js/core @citation-js/plugin-bibtex @citation-js/plugin-ris; do
    [ -d "$ROOT/e2e/node_modules/$module" ] || need=true
  done
  if $need; then
    say "npm ci in e2e/ (playwright-core, which drives /usr/bin/chromium and downloads no browser; axe-core; Citation.js to read exported citations back)"
    (cd "$ROOT/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi
}

ensure_build_tools() {
  ensure_rust
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
}

# Builds the release app into dist/.
build_release() {
  say "trunk build --release"
  (cd "$ROOT" && trunk build --release --offline)
}
