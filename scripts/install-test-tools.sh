#!/usr/bin/env bash
# Installs the standard tools the end-to-end tests check our files with, when missing:
# sha256sum (coreutils), openssl, unzip, python3, and Debian's chromium for the browser
# tests (playwright-core drives /usr/bin/chromium; no browser is ever downloaded).
# Needs root (apt-get); CI runs it.
set -euo pipefail
missing=()
command -v sha256sum >/dev/null || missing+=(coreutils)
command -v openssl >/dev/null || missing+=(openssl)
command -v unzip >/dev/null || missing+=(unzip)
command -v python3 >/dev/null || missing+=(python3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: all present"
  exit 0
fi
echo "test tools: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
