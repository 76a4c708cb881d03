#!/usr/bin/env bash
# Start-up cost of spiegel against a bare Swift "hello" built the same way (release, dynamically linked).
# Prints hyperfine's table: `spiegel principles`, `spiegel --version`, hello, and hello importing Foundation.
# Time to the first prompt in a terminal is measured by `spiegel-bench run` (it needs a pseudo-terminal).
# Needs hyperfine (apt-get install -y hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "startup.sh: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 69; }

swift build -c release --product spiegel >/dev/null
spiegel=$(swift build -c release --show-bin-path)/spiegel
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'print("hello")\n' > "$work/hello.swift"
printf 'import Foundation\nprint("hello \\(Date().timeIntervalSince1970 > 0)")\n' > "$work/hellofoundation.swift"
swiftc -O "$work/hello.swift" -o "$work/hello"
swiftc -O "$work/hellofoundation.swift" -o "$work/hello-foundation"

export XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" NO_COLOR=1
hyperfine -N --warmup 5 --runs "${RUNS:-50}" \
  "$work/hello" "$work/hello-foundation" "$spiegel --version" "$spiegel principles" "$spiegel principles --json"
