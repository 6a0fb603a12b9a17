#!/usr/bin/env bash
# Unpack the oldest firefox-esr that apt offers into $1 (no install, no root): `make
# test-firefox-oldest` runs the Firefox suite on it, to check the manifest's strict_min_version.
set -euo pipefail
dest=$1
version=$(apt-cache madison firefox-esr | awk '{print $3}' | sort -V | head -1)
[ -n "$version" ] || { echo "apt knows no firefox-esr" >&2; exit 1; }
if [ "$(cat "$dest/.version" 2>/dev/null)" != "$version" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download -q "firefox-esr=$version" >/dev/null)
  rm -rf "$dest" && mkdir -p "$dest"
  dpkg -x "$work"/firefox-esr_*.deb "$dest"
  echo "$version" >"$dest/.version"
fi
echo "$dest/usr/lib/firefox-esr/firefox-esr ($version)"
