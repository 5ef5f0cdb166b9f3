# shellcheck shell=bash
# Dapr runtime (daprd) and CLI for the scripts. Source after scripts/lib/common.sh.
#
#   dapr_ensure        makes sure a daprd and a dapr CLI exist (building them if needed) and exports
#                        DAPR_CLI           path of the dapr CLI
#                        DAPR_RUNTIME_PATH  directory D with D/.dapr/bin/daprd (what the CLI's
#                                           env DAPR_RUNTIME_PATH / --runtime-path expects)
#                        DAPRD_BIN          path of daprd
#                        SENTRY_BIN         path of Dapr Sentry (the local mTLS authority)
#   dapr_ensure_quiet  the same exports when the binaries already exist; never builds; status 1 if not
#
# An official installation (a `dapr` CLI on PATH and $HOME/.dapr/bin/daprd, as left by
# `dapr init`) is used as it is, unless TODO_DAPR_BUILD=1. Otherwise both are built with Go
# from the Go module proxy and cached under $TODO_CACHE, so later runs and fresh clones
# reuse them:
#   daprd    from tools/daprd (only the project's components), into
#            $TODO_CACHE/dapr-runtime/<hash of tools/daprd>/.dapr/bin/daprd
#   sentry   from tools/daprd/sentry (the same module), beside it as .dapr/bin/sentry
#   dapr     from tools/daprd/cli (github.com/dapr/cli pinned there), as $TODO_CACHE/bin/dapr
# daprd is built WITHOUT a version stamp on purpose: it then reports "edge", and the CLI
# leaves the scheduler address empty in run-file mode (a stamped version >= 1.15 makes the
# CLI force --scheduler-host-address localhost:50006 and healthz never gets ready).
#
# Behaviour of this CLI (v1.16.5) that callers must know:
# - `dapr run -f` finds daprd through env DAPR_RUNTIME_PATH (exported here) or the run file's
#   `runtimePath`; the --runtime-path flag is ignored for that in run-file mode.
# - It does not set DAPR_HOST_IP: export DAPR_HOST_IP=127.0.0.1 before `dapr run`.
# - It never sends dapr-api-token, so with DAPR_API_TOKEN set its metadata writes get 401 and
#   `dapr stop -f` answers "couldn't find apps with run file" (exit status 0): stop the
#   `dapr run` process group with a signal instead.
# - Without `placementHostAddress: ""` it passes --placement-host-address localhost:50005.

DAPRD_SRC_DIR="$ROOT/tools/daprd"
# The CLI is pinned by its own module, tools/daprd/cli (go.mod `tool github.com/dapr/cli`):
# dapr/cli v1.16.5 is the newest release the Go module proxy serves (v1.17.x and v1.18.0 answer
# 403 "This module version is not available"), and `go install github.com/dapr/cli@v1.16.5`
# fails too (its version list and its components-contrib v1.16.3 dependency are not served).
DAPR_CLI_SRC_DIR="$DAPRD_SRC_DIR/cli"
DAPR_CLI_MODULE_VERSION="$(awk '$1 == "github.com/dapr/cli" { print $2; exit }' "$DAPR_CLI_SRC_DIR/go.mod" 2>/dev/null)"
_DAPR_CLI_BUILD_FLAGS=(-trimpath -buildvcs=false -mod=readonly "-ldflags=-s -w -X main.version=${DAPR_CLI_MODULE_VERSION#v}")

# _dapr_version_ge A B: true when version A >= version B (dotted numbers).
_dapr_version_ge() {
  [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" = "$2" ]
}

# _dapr_go_ready: puts a Go toolchain new enough for tools/daprd/go.mod on PATH, or dies.
_dapr_go_ready() {
  local need have
  need="$(awk '$1 == "go" { print $2; exit }' "$DAPRD_SRC_DIR/go.mod")"
  [ -n "$need" ] || die "cannot read the go version from $DAPRD_SRC_DIR/go.mod"
  if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
    PATH="/usr/local/go/bin:$PATH"
    export PATH
  fi
  if ! command -v go >/dev/null 2>&1; then
    # Debian's golang-go only helps when it is new enough; check before installing it.
    local candidate
    if ((${apt_updated:-0} == 0)); then
      as_root apt-get update -qq || true
      apt_updated=1
    fi
    candidate="$(apt-cache policy golang-go 2>/dev/null | awk '/Candidate:/ { print $2; exit }')"
    candidate="${candidate#*:}"
    candidate="${candidate%%[~+-]*}"
    if [ -z "$candidate" ] || [ "$candidate" = "(none)" ] || ! _dapr_version_ge "$candidate" "$need"; then
      die "no Go toolchain found, and Debian's golang-go (${candidate:-none}) is older than the Go >= $need" \
        "that building daprd needs: install Go >= $need (e.g. at /usr/local/go) and re-run."
    fi
    log "no Go toolchain found; installing Debian's golang-go $candidate"
    apt_install golang-go || die "could not install golang-go; install Go >= $need (e.g. at /usr/local/go)"
  fi
  command -v go >/dev/null 2>&1 || die "no Go toolchain on PATH; install Go >= $need (e.g. at /usr/local/go)"
  have="$(go env GOVERSION 2>/dev/null)"
  have="${have#go}"
  have="${have%%[!0-9.]*}"
  if [ -z "$have" ] || ! _dapr_version_ge "$have" "$need"; then
    die "Go ${have:-of unknown version} at $(command -v go) is too old: building daprd needs Go >= $need." \
      "Install a newer Go (e.g. at /usr/local/go), or set GOTOOLCHAIN=go$need+auto to let go fetch it."
  fi
}

# _dapr_locked LOCKFILE CMD...: runs CMD while holding LOCKFILE (when flock exists), so two
# scripts starting at once do not build the same thing twice.
_dapr_locked() {
  local lockfile="$1"
  shift
  if command -v flock >/dev/null 2>&1; then
    (
      flock 9
      "$@"
    ) 9>"$lockfile"
  else
    "$@"
  fi
}

# The daprd build recipe; part of the cache key together with the wrapper's sources.
_DAPRD_BUILD_FLAGS=(-trimpath -buildvcs=false -mod=readonly "-ldflags=-s -w")

_dapr_daprd_hash() {
  {
    cat "$DAPRD_SRC_DIR/go.mod" "$DAPRD_SRC_DIR/go.sum" "$DAPRD_SRC_DIR/main.go" \
      "$DAPRD_SRC_DIR/sentry/main.go"
    printf '%s\n' "${_DAPRD_BUILD_FLAGS[@]}"
  } | sha256sum | cut -c1-16
}

# _dapr_build_daprd OUT [PACKAGE]: builds tools/daprd (or its PACKAGE, e.g. ./sentry) into OUT
# (skips when OUT already exists).
_dapr_build_daprd() {
  local out="$1" package="${2:-.}" tmp
  [ -x "$out" ] && return 0
  mkdir -p "$(dirname "$out")"
  tmp="$out.tmp.$$"
  log "building $(basename "$out") from tools/daprd into $out (several minutes on 2 cores the first time)"
  (cd "$DAPRD_SRC_DIR" && GOFLAGS='' go build "${_DAPRD_BUILD_FLAGS[@]}" -o "$tmp" "$package") || {
    rm -f "$tmp"
    return 1
  }
  mv -f "$tmp" "$out"
}

# _dapr_cli_hash: cache key of the CLI build (the pinned module graph and the recipe).
_dapr_cli_hash() {
  {
    cat "$DAPR_CLI_SRC_DIR/go.mod" "$DAPR_CLI_SRC_DIR/go.sum"
    printf '%s\n' "${_DAPR_CLI_BUILD_FLAGS[@]}"
  } | sha256sum | cut -c1-16
}

# _dapr_build_cli OUT: builds the dapr CLI pinned by tools/daprd/cli as OUT (skips when OUT
# was built from the same go.mod/go.sum; OUT.version records which).
_dapr_build_cli() {
  local out="$1" stamp="$1.version" want tmp
  want="$DAPR_CLI_MODULE_VERSION $(_dapr_cli_hash)"
  if [ -x "$out" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  mkdir -p "$(dirname "$out")"
  tmp="$out.tmp.$$"
  log "building the dapr CLI (github.com/dapr/cli@$DAPR_CLI_MODULE_VERSION) into $out"
  (cd "$DAPR_CLI_SRC_DIR" && GOFLAGS='' go build "${_DAPR_CLI_BUILD_FLAGS[@]}" -o "$tmp" github.com/dapr/cli) || {
    rm -f "$tmp"
    return 1
  }
  mv -f "$tmp" "$out" && printf '%s\n' "$want" >"$stamp"
}

# _dapr_runtime_files DIR: the files the CLI falls back to under DIR/.dapr when a run file or
# `dapr run` does not name a config or resources path (so it never needs the user's ~/.dapr).
_dapr_runtime_files() {
  local d="$1/.dapr"
  mkdir -p "$d/components"
  if [ ! -f "$d/config.yaml" ]; then
    # No spec.mtls here: with mtls enabled the CLI adds --enable-mtls --sentry-address.
    cat >"$d/config.yaml" <<'EOF'
apiVersion: dapr.io/v1alpha1
kind: Configuration
metadata:
  name: daprConfig
spec: {}
EOF
  fi
}

# _dapr_use_installed: selects an official installation when there is one (see the top).
# (It needs Sentry too: `dapr init --slim` leaves daprd but no sentry; then both are built.)
_dapr_use_installed() {
  [ "${TODO_DAPR_BUILD:-0}" != 1 ] && command -v dapr >/dev/null 2>&1 &&
    [ -x "$HOME/.dapr/bin/daprd" ] && [ -x "$HOME/.dapr/bin/sentry" ] || return 1
  DAPR_CLI="$(command -v dapr)"
  DAPR_RUNTIME_PATH="$HOME"
  DAPRD_BIN="$HOME/.dapr/bin/daprd"
  SENTRY_BIN="$HOME/.dapr/bin/sentry"
  export DAPR_CLI DAPR_RUNTIME_PATH DAPRD_BIN SENTRY_BIN
}

# _dapr_use_cached: selects the binaries built for the current tools/daprd, if they exist.
_dapr_use_cached() {
  local runtime_path
  runtime_path="$TODO_CACHE/dapr-runtime/$(_dapr_daprd_hash)"
  [ -x "$runtime_path/.dapr/bin/daprd" ] && [ -x "$runtime_path/.dapr/bin/sentry" ] &&
    [ -x "$TODO_CACHE/bin/dapr" ] &&
    [ "$(cat "$TODO_CACHE/bin/dapr.version" 2>/dev/null)" = "$DAPR_CLI_MODULE_VERSION $(_dapr_cli_hash)" ] ||
    return 1
  _dapr_runtime_files "$runtime_path"
  DAPR_CLI="$TODO_CACHE/bin/dapr"
  DAPR_RUNTIME_PATH="$runtime_path"
  DAPRD_BIN="$runtime_path/.dapr/bin/daprd"
  SENTRY_BIN="$runtime_path/.dapr/bin/sentry"
  export DAPR_CLI DAPR_RUNTIME_PATH DAPRD_BIN SENTRY_BIN
}

dapr_ensure() {
  if _dapr_use_installed; then
    log "using the installed Dapr: $DAPR_CLI, $DAPRD_BIN"
    return 0
  fi
  _dapr_use_cached && return 0

  _dapr_go_ready
  local runtime_path
  runtime_path="$TODO_CACHE/dapr-runtime/$(_dapr_daprd_hash)"
  mkdir -p "$TODO_CACHE/dapr-runtime" "$TODO_CACHE/bin"
  _dapr_locked "$TODO_CACHE/dapr-runtime/.build.lock" \
    _dapr_build_daprd "$runtime_path/.dapr/bin/daprd" || die "building daprd failed (see the go output above)"
  _dapr_locked "$TODO_CACHE/dapr-runtime/.build.lock" \
    _dapr_build_daprd "$runtime_path/.dapr/bin/sentry" ./sentry || die "building Dapr Sentry failed (see the go output above)"
  _dapr_locked "$TODO_CACHE/bin/.dapr-cli.lock" \
    _dapr_build_cli "$TODO_CACHE/bin/dapr" || die "building the dapr CLI failed (see the go output above)"
  _dapr_use_cached || die "the dapr binaries are missing after the build under $TODO_CACHE"
}

# dapr_ensure_quiet: like dapr_ensure but never builds and never logs (for stop/status paths);
# returns 1 when no usable daprd + CLI exist yet.
dapr_ensure_quiet() {
  _dapr_use_installed || _dapr_use_cached
}

# dapr_wrapper_ensure: points DAPR_RUNTIME_PATH at $RUN_DIR/dapr-runtime, whose .dapr/bin/daprd
# is a small script in front of $DAPRD_BIN. The dapr CLI gives every sidecar of `dapr run -f` the
# same environment and no way to add flags, so the wrapper
#   - gives each sidecar its own app's tokens ($RUN_DIR/secrets/apps/<app-id>.env), and
#   - binds the sidecar's internal gRPC and metrics ports to 127.0.0.1 (daprd binds every
#     interface by default and the CLI cannot say otherwise).
dapr_wrapper_ensure() {
  local runtime="$RUN_DIR/dapr-runtime" wrapper
  _dapr_runtime_files "$runtime"
  mkdir -p "$runtime/.dapr/bin"
  wrapper="$runtime/.dapr/bin/daprd"
  cat >"$wrapper.tmp" <<WRAPPER
#!/bin/sh
# Generated by scripts/lib/dapr.sh (dapr_wrapper_ensure): daprd with each app's own tokens and
# its internal ports on loopback. Regenerated at every start.
app="" prev=""
for arg in "\$@"; do
  [ "\$prev" = "--app-id" ] && app="\$arg"
  prev="\$arg"
done
if [ -z "\$app" ]; then exec "$DAPRD_BIN" "\$@"; fi
tokens="$RUN_DIR/secrets/apps/\$app.env"
[ -r "\$tokens" ] || { echo "daprd wrapper: no tokens for app \$app in \$tokens" >&2; exit 1; }
. "\$tokens"
export DAPR_API_TOKEN APP_API_TOKEN
exec "$DAPRD_BIN" "\$@" --dapr-internal-grpc-listen-address 127.0.0.1 --metrics-listen-address 127.0.0.1
WRAPPER
  chmod 755 "$wrapper.tmp"
  mv -f "$wrapper.tmp" "$wrapper"
  DAPR_RUNTIME_PATH="$runtime"
  export DAPR_RUNTIME_PATH
}
