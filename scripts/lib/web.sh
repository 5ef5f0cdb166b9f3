#!/usr/bin/env bash
# The web app (web/, Vite + React + TypeScript) and what its browser tests need.
#   web_build        npm ci + npm run build into web/dist, only when the sources changed
#   ui_test_deps     Debian's chromium and the UI tests' node modules (playwright-core)
# npm's cache lives in $TODO_CACHE/npm, so a fresh clone installs from it.

WEB_DIR="$ROOT/web"
UI_TEST_DIR="$ROOT/tests/ui"

# node >= 20.19 and npm are needed by Vite 8; Debian 12's own nodejs (18) is too old, so use the
# machine's node when it has one and only fall back to Debian's.
web_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= 20)) || die "node $(node --version) is too old for the web build (need >= 20.19)"
}

# _npm_install DIR: `npm ci` when package-lock.json changed since the last install.
_npm_install() {
  local dir="$1" stamp="$1/node_modules/.lock-sha256" want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  log "npm ci in ${dir#"$ROOT"/}"
  (cd "$dir" && npm ci --cache "$TODO_CACHE/npm" --prefer-offline --no-audit --no-fund --loglevel=error) >&2 ||
    die "npm ci failed in $dir"
  echo "$want" >"$stamp"
}

# A hash of everything the built app depends on.
_web_sources_hash() {
  (cd "$WEB_DIR" && find src public index.html vite.config.ts tsconfig.json package.json package-lock.json \
    -type f -print0 2>/dev/null | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

web_build() {
  [ -f "$WEB_DIR/package.json" ] || return 0
  local stamp="$WEB_DIR/dist/.sources-sha256" want
  want="$(_web_sources_hash)"
  if [ -f "$stamp" ] && [ -f "$WEB_DIR/dist/index.html" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  web_node
  _npm_install "$WEB_DIR"
  log "building the web app (web/dist)"
  mkdir -p "$BUILD_DIR"
  (cd "$WEB_DIR" && npm run build --silent) >"$BUILD_DIR/web-build.log" 2>&1 ||
    { tail -n 40 "$BUILD_DIR/web-build.log" >&2; die "web build failed (log: $BUILD_DIR/web-build.log)"; }
  echo "$want" >"$stamp"
}

ui_test_deps() {
  web_node
  apt_install chromium fonts-dejavu-core
  _npm_install "$UI_TEST_DIR"
}
