#!/usr/bin/env bash
# Loads every script library, in dependency order. Source it from an entry-point script.
_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$_lib_dir/common.sh"
for _lib in build secrets postgres kafka delivery dapr sentry stack; do
  # shellcheck disable=SC1090
  . "$_lib_dir/$_lib.sh"
done
unset _lib _lib_dir
