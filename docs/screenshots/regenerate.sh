#!/usr/bin/env bash
# Regenerates the README's screenshots in docs/screenshots/: builds the jar, starts a local stack
# in a fresh temporary data folder, loads the sample data, writes every page (ringside
# screenshots), stops the stack and optimises the PNGs (pngquant, then optipng, when installed).
set -euo pipefail
cd "$(dirname "$0")/../.."

mvn -B -ntp -q package -DskipTests
# A fixed name, so the status bar's "Data folder" is the same in every regeneration.
data="${TMPDIR:-/tmp}/ringside-screenshots"
rm -rf "$data"
trap 'rm -rf "$data"' EXIT
java -jar target/ringside.jar --data "$data" screenshots docs/screenshots

shots=(docs/screenshots/*.png)
if command -v pngquant >/dev/null 2>&1; then
  # 256-colour palette; a picture that would lose too much (exit 98/99) is left as it is.
  for png in "${shots[@]}"; do
    pngquant --force --skip-if-larger --quality 85-100 --strip --ext .png "$png" || true
  done
else
  echo "pngquant not found (Debian: pngquant): the PNGs stay true-colour and larger" >&2
fi
if command -v optipng >/dev/null 2>&1; then
  optipng -quiet -o2 -strip all "${shots[@]}"
else
  echo "optipng not found (Debian: optipng): the PNGs are not recompressed" >&2
fi
ls -l "${shots[@]}"
