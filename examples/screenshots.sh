#!/usr/bin/env bash
# The document view and the corpus report of the seed articles, rendered by headless
# Chromium to PNG (the pictures in README.md):
#   examples/screenshots.sh [OUT_DIR]          (default: docs/img)
# Needs a chromium command (Debian: apt-get install chromium); without one it says so and
# exits 0. pngquant (Debian: apt-get install pngquant), when present, cuts the PNGs to 128
# colours, a few times smaller.
set -euo pipefail
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "screenshots: skipped: no chromium command (Debian: apt-get install chromium)" >&2
    exit 0
fi
out=${1:-docs/img}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
quotes extract seeds/ -q -o "$work/seeds.quotes.jsonl" 2>/dev/null
quotes show "$work/seeds.quotes.jsonl" --docs seeds/ -o "$work/show.html" --title "quotes show seeds/"
quotes report "$work/seeds.quotes.jsonl" -o "$work/report.html" --top 12 --title "quotes report seeds.quotes.jsonl"
# Chromium will not run its sandbox as root (containers, CI): only there go without it.
sandbox=()
if [ "$(id -u)" = 0 ]; then sandbox=(--no-sandbox); fi
for page in show report; do
    # The virtual time budget holds the capture until the page has loaded and drawn, however
    # busy the machine is (without it a loaded machine gave a blank picture).
    "$browser" --headless "${sandbox[@]}" --disable-gpu --hide-scrollbars --window-size=1200,1250 \
        --virtual-time-budget=10000 --run-all-compositor-stages-before-draw \
        --screenshot="$work/$page.png" "file://$work/$page.html" >/dev/null 2>&1
    if command -v pngquant >/dev/null; then
        pngquant --force --speed 1 --output "$out/$page.png" 128 "$work/$page.png"
    else
        cp "$work/$page.png" "$out/$page.png"
    fi
    echo "screenshots: $out/$page.png ($(wc -c < "$out/$page.png") bytes)"
done
