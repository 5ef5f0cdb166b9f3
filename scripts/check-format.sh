#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what clang-format (Debian's, .clang-format) makes of
# it. Fix with: git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"

apt_install clang-format
cd "$ROOT"
log "== C++ formatting (clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -1))"
git ls-files -z '*.cpp' '*.hpp' | xargs -0 clang-format --dry-run --Werror
