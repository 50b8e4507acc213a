#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet, without
# starting the services they ship (the tests run their own processes on 127.0.0.1) and
# waiting for another apt run's lock. Needs root.
#   bash scripts/apt-install.sh nginx memcached
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "apt-install: ${missing[*]} not installed, and installing needs root (run: sudo bash $0 ${missing[*]})" >&2
  exit 1
fi
echo "apt-install: installing ${missing[*]}"
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
