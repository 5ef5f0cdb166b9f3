#!/bin/sh
# Prints the Debian packages that hold the shared libraries a binary needs directly (its ELF
# NEEDED entries), one per line: the runtime stage installs exactly these (apt adds their own
# dependencies). Run in the build stage of a Dockerfile, where the -dev packages are installed.
#   docker/runtime-packages.sh BINARY...
set -eu
for bin in "$@"; do
  objdump -p "$bin" | awk '/NEEDED/ {print $2}'
done | sort -u | while read -r lib; do
  path=""
  for dir in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /lib/x86_64-linux-gnu /lib/aarch64-linux-gnu /usr/lib /lib; do
    if [ -e "$dir/$lib" ]; then path="$dir/$lib"; break; fi
  done
  [ -n "$path" ] || { echo "runtime-packages: no file for $lib" >&2; exit 1; }
  # With merged /usr, dpkg knows a file under one of its two names.
  pkg="$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(echo "$path" | sed 's|^/usr/lib/|/lib/|')" 2>/dev/null || dpkg -S "$(readlink -f "$path")")"
  echo "$pkg" | head -n 1 | cut -d: -f1
done | sort -u
