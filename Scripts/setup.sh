#!/usr/bin/env bash
# Prepares a Debian or Ubuntu machine to build Spiegel: installs libedit-dev, libsqlite3-dev,
# libstemmer-dev and pkg-config with apt-get,
# through sudo only when not already root (containers and CI have no sudo). Needs a Swift 6 toolchain
# (https://www.swift.org/install/) on PATH; checks for it and says so when it is missing.
# Usage: Scripts/setup.sh            (then: swift run spiegel)
set -euo pipefail

packages=(libedit-dev libsqlite3-dev libstemmer-dev pkg-config)

if ! command -v swift >/dev/null 2>&1; then
  echo "setup.sh: no 'swift' on PATH: install a Swift 6 toolchain first (https://www.swift.org/install/)" >&2
  exit 69
fi
case "$(swift --version 2>/dev/null)" in
  *"Swift version 6"*) ;;
  *) echo "setup.sh: Spiegel needs Swift 6 or newer; found: $(swift --version 2>/dev/null | head -n 1)" >&2; exit 69 ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup.sh: install these with your package manager: ${missing[*]} (macOS: brew install libedit pkg-config)" >&2
    exit 69
  fi
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup.sh: run as root, or install sudo, to install: ${missing[*]}" >&2; exit 77; }
    as_root=(sudo)
  fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
echo "Ready: 'swift run spiegel' builds Spiegel (the first build takes a few minutes) and opens its shell."
