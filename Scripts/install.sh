#!/usr/bin/env bash
# Builds Spiegel in release mode and installs it for daily use under a prefix (default ~/.local):
#   bin/spiegel, share/man/man1/spiegel.1, and bash/zsh/fish completions.
# Usage: Scripts/install.sh [--prefix DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${HOME}/.local"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (try --prefix DIR)" >&2; exit 64 ;;
  esac
done

swift build -c release --product spiegel
bin=$(swift build -c release --show-bin-path)/spiegel

install -d "$prefix/bin" "$prefix/share/man/man1" \
  "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$prefix/bin/spiegel"

# The man page comes from the argument parser's manual generator.


swift package plugin --allow-writing-to-package-directory generate-manual >/dev/null
manual_dir=.build/plugins/GenerateManual/outputs/spiegel
# The generator knows the commands and options; EXIT STATUS, ENVIRONMENT and FILES are added from
# Scripts/man-sections.roff.
cat "$(find "$manual_dir" -name 'spiegel.1' | head -n 1)" Scripts/man-sections.roff > "$prefix/share/man/man1/spiegel.1"
chmod 0644 "$prefix/share/man/man1/spiegel.1"

"$prefix/bin/spiegel" --generate-completion-script bash > "$prefix/share/bash-completion/completions/spiegel"
"$prefix/bin/spiegel" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_spiegel"
"$prefix/bin/spiegel" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/spiegel.fish"

echo "Installed spiegel into $prefix (binary, man page, bash/zsh/fish completions)."
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Add $prefix/bin to your PATH to run 'spiegel'." ;; esac
