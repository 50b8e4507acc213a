#!/usr/bin/env bash
# Installs, when missing, the Debian packages the test suite and CI use:
#   sha256sum (coreutils), openssl, unzip, python3   the standard tools our files are checked with
#   chromium                                         browser tests (playwright-core drives /usr/bin/chromium;
#                                                    no browser is ever downloaded)
#   nginx                                            the local CDN emulation (scripts/cdn/)
#   swift-* and memcached                            a real S3-compatible store for CI (scripts/object-store/)
# The packages' own services are never started: the tests run their own processes on 127.0.0.1.
# Needs root (apt-get); CI runs it.
set -euo pipefail
missing=()
command -v sha256sum >/dev/null || missing+=(coreutils)
command -v openssl >/dev/null || missing+=(openssl)
command -v unzip >/dev/null || missing+=(unzip)
command -v python3 >/dev/null || missing+=(python3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
for p in swift-proxy swift-account swift-container swift-object memcached; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: all present"
  exit 0
fi
echo "test tools: installing ${missing[*]}"
# policy-rc.d exit 101 tells Debian's maintainer scripts not to start the services the packages ship.
policy=/usr/sbin/policy-rc.d
placed_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  placed_policy=1
fi
trap 'if [ "$placed_policy" -eq 1 ]; then rm -f "$policy"; fi' EXIT
apt_wait=(-o DPkg::Lock::Timeout=600)
apt-get "${apt_wait[@]}" update -qq
DEBIAN_FRONTEND=noninteractive apt-get "${apt_wait[@]}" install -y -qq --no-install-recommends "${missing[@]}"
