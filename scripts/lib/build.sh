#!/usr/bin/env bash
# Installs the C++ toolchain and libraries from Debian and builds every binary and test
# (and the web app the frontend serves: web.sh).
# shellcheck source=web.sh
. "$(dirname "${BASH_SOURCE[0]}")/web.sh"

CPP_PACKAGES=(g++ cmake ninja-build pkg-config libcpp-httplib-dev nlohmann-json3-dev libpqxx-dev
  libspdlog-dev libcxxopts-dev catch2 libical-dev libsodium-dev libssl-dev libjwt-dev libhowardhinnant-date-dev tzdata openssl ccache libcrack2-dev cracklib-runtime libboost-dev)

build_deps() { apt_install "${CPP_PACKAGES[@]}"; }

# build_cpp [BUILD_DIR] [PRESET] [TARGET...]: configures once with a preset of CMakePresets.json
# (release by default: the flags live there, once), then builds the targets (all by default)
# incrementally.
build_cpp() {
  local dir="${1:-$BUILD_DIR}" preset="${2:-release}"
  shift 2 || shift $#
  build_deps
  # ccache keyed on paths relative to the checkout: a fresh clone (CI) reuses what any other
  # checkout on this machine compiled, instead of a cold 20-minute build on two cores.
  export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=true CCACHE_DIR="${CCACHE_DIR:-$TODO_CACHE/ccache}" CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
  if [ ! -f "$dir/build.ninja" ]; then
    log "configuring the C++ build in $dir"
    (cd "$ROOT" && cmake --preset "$preset" -B "$dir" >/dev/null)
  fi
  log "building C++ ($dir)"
  ninja -C "$dir" "$@" >"$dir/last-build.log" 2>&1 || { tail -n 60 "$dir/last-build.log" >&2; die "C++ build failed (log: $dir/last-build.log)"; }
  if [ "$dir" = "$BUILD_DIR" ]; then web_build; fi
}
