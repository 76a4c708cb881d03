#!/usr/bin/env bash
# Renders an HTML export in headless Chromium and checks that it displays without errors:
# a screenshot (PNG) and the page's DOM are written next to the export; console errors fail the script.
# Usage: Scripts/render-html.sh EXPORT.html [OUT_PREFIX]
# Needs Debian's chromium (apt-get install -y chromium).
set -euo pipefail
page=${1:?usage: render-html.sh EXPORT.html [OUT_PREFIX]}
out=${2:-${page%.html}}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render-html.sh: needs chromium (apt-get install -y chromium)" >&2; exit 69; }
flags=(--headless=new --no-sandbox --disable-gpu --no-first-run --disable-extensions
       --user-data-dir="$(mktemp -d)" --window-size=1100,1600 --virtual-time-budget=2000)
"$browser" "${flags[@]}" --screenshot="$out.png" "file://$(realpath "$page")" 2>"$out.log" >/dev/null
"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$(realpath "$page")" >"$out.dom.html" 2>>"$out.log"
if grep -E "CONSOLE|Uncaught|Refused to" "$out.log" >/dev/null; then
  echo "render-html.sh: the page logged errors:" >&2
  grep -E "CONSOLE|Uncaught|Refused to" "$out.log" >&2
  exit 1
fi
grep -q "<svg" "$out.dom.html" || { echo "render-html.sh: no chart in the rendered page" >&2; exit 1; }
[ -s "$out.png" ] || { echo "render-html.sh: no screenshot" >&2; exit 1; }
echo "rendered $page: $out.png ($(stat -c %s "$out.png") bytes), DOM $out.dom.html, no console errors"
