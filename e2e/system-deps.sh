#!/usr/bin/env bash
# System packages the browser suites need, on Debian (run as root; `make test-deps`, .ci/run).
# Idempotent and quick when everything is present: dpkg is asked first, apt only when needed.
#   chromium; firefox-esr (driven through its own WebDriver BiDi, no geckodriver);
#   Roundcube 1.6 (roundcube-core with SQLite, and the larry skin beside the default elastic),
#   PHP's CLI (its built-in web server serves Roundcube) and dovecot's IMAP server.
# Nothing is started or configured system-wide: the tests run each server from temp folders.
set -euo pipefail
PACKAGES=(chromium firefox-esr roundcube-core roundcube-sqlite3 roundcube-skin-larry php8.2-cgi php-cli php-sqlite3 dovecot-imapd)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]}. Run as root: $0" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Roundcube's package would otherwise ask for a database and a web server: SQLite, no web server.
debconf-set-selections <<'DEBCONF'
roundcube-core roundcube/dbconfig-install boolean true
roundcube-core roundcube/database-type select sqlite3
roundcube-core roundcube/reconfigure-webserver multiselect
roundcube-core roundcube/restart-webserver boolean false
DEBCONF
# No service may start during the install (dovecot, php-fpm): a policy-rc.d that refuses, removed after.
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  own_policy=1
fi
trap '[ "$own_policy" = 1 ] && rm -f "$policy"' EXIT
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
