#!/usr/bin/env bash
# Fails when clang-tidy (Debian's, .clang-tidy) finds anything in the project's own C++: every
# .cpp file of build/compile_commands.json, plus the libFuzzer harnesses in tests/fuzz (only the
# fuzz build compiles them; here they get the unit tests' flags, which include every library).
#   scripts/check-tidy.sh                          the whole tree
#   scripts/check-tidy.sh libs/auth tests/fuzz     only the files under these folders, and only
#                                                  findings in them (their headers included)
# Slow: clang-tidy parses every file again. The whole tree (287 files) took 17 to 30 minutes on two
# cores, so scripts/test.sh runs it only in CI or with TODO_TIDY=1.
# The output of the last run: build/tidy/last-run.log.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/load.sh
. "$here/lib/load.sh"

apt_install clang-tidy
cd "$ROOT"
folders=()
for arg in "$@"; do
  folder="${arg%/}"
  [ -e "$folder" ] || die "check-tidy: no such folder or file: $arg"
  folders+=("$folder")
done

# compile_commands.json comes from configuring build/ (CMAKE_EXPORT_COMPILE_COMMANDS); the
# build.ninja target only re-runs CMake when a CMakeLists.txt changed, it compiles nothing.
build_cpp "$BUILD_DIR" release build.ninja

out="$BUILD_DIR/tidy"
mkdir -p "$out"
# Writes the files to check into build/tidy/compile_commands.json; prints their number and, for
# given folders, the regular expression of their paths.
read -r count regex < <(python3 - "$BUILD_DIR/compile_commands.json" "$out/compile_commands.json" "$ROOT" "${folders[@]}" <<'PY'
import glob, json, os, re, sys
source, target, root, folders = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
entries = json.load(open(source))
def ours(path):
    rel = os.path.relpath(path, root)
    if rel.startswith("..") or rel.startswith("build"):
        return False
    return not folders or any(rel == f or rel.startswith(f + "/") for f in folders)
kept = [e for e in entries if e["file"].endswith(".cpp") and ours(e["file"])]
# The fuzz harnesses, compiled as a unit test file is, with their own folder on the include path.
unit = next(e for e in entries if e["file"].endswith("/tests/unit/main.cpp"))
fuzz_dir = os.path.join(root, "tests", "fuzz")
for harness in sorted(glob.glob(os.path.join(fuzz_dir, "*.cpp"))):
    if ours(harness):
        command = unit["command"].replace(unit["file"], harness).replace(" -o ", f" -I{fuzz_dir} -o ", 1)
        kept.append({"directory": unit["directory"], "command": command, "file": harness})
json.dump(kept, open(target, "w"), indent=1)
regex = "^" + re.escape(root + "/") + "(" + "|".join(re.escape(f) for f in folders) + ")/" if folders else ""
print(len(kept), regex)
PY
)
[ -n "${count:-}" ] || die "check-tidy: could not read $BUILD_DIR/compile_commands.json"
((count > 0)) || die "check-tidy: no C++ files under ${folders[*]}"
# Given folders: only their findings (a header of another folder is that folder's business).
header_filter=()
[ -z "$regex" ] || header_filter=(-header-filter="$regex")

log "== clang-tidy $(clang-tidy --version | grep -o '[0-9][0-9.]*' | head -1) on $count files${regex:+ under ${folders[*]}}"
started=$SECONDS
status=0
if command -v run-clang-tidy-14 >/dev/null 2>&1; then
  run-clang-tidy-14 -p "$out" -j 2 -quiet "${header_filter[@]}" >"$out/last-run.log" 2>&1 || status=$?
else
  python3 -c 'import json, sys; print("\n".join(e["file"] for e in json.load(open(sys.argv[1]))))' \
    "$out/compile_commands.json" |
    xargs -P 2 -n 1 clang-tidy -p "$out" --quiet "${header_filter[@]}" >"$out/last-run.log" 2>&1 || status=$?
fi

# Each finding once (a header's findings repeat for every file that includes it), then a count
# by check.
python3 - "$out/last-run.log" "$ROOT" <<'PY'
import collections, os, re, sys
log, root = sys.argv[1], sys.argv[2]
text = re.sub(r"\x1b\[[0-9;]*m", "", open(log, errors="replace").read())
pattern = re.compile(r"^(/[^:\n]+):(\d+):(\d+): (?:warning|error): (.*?) \[([\w.,-]+)\]$", re.M)
found = sorted({(os.path.normpath(p), int(l), int(c), msg, chk.replace(",-warnings-as-errors", ""))
                for p, l, c, msg, chk in pattern.findall(text)})
for path, line, col, message, check in found:
    print(f"{path.replace(root + '/', '')}:{line}:{col}: {message} [{check}]", file=sys.stderr)
if found:
    by_check = collections.Counter(check for *_, check in found)
    print(f"{len(found)} findings: " + ", ".join(f"{c} {n}" for c, n in by_check.most_common()),
          file=sys.stderr)
PY
if ((status != 0)); then
  grep -q -E '(warning|error):' "$out/last-run.log" || tail -n 40 "$out/last-run.log" >&2
  die "clang-tidy found problems (full output: ${out#"$ROOT"/}/last-run.log)"
fi
log "clang-tidy clean in $((SECONDS - started))s"
