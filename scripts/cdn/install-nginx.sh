#!/usr/bin/env bash
# Installs Debian's nginx when it is missing, for the local CDN emulation (scripts/cdn/).
# Idempotent. Needs root (apt-get). The package's own service is never enabled or started:
# the emulation runs nginx with its own configuration file and folders (scripts/cdn/cdn.sh).
set -euo pipefail
nginx_bin=${NGINX:-/usr/sbin/nginx}
if [ -x "$nginx_bin" ]; then
  echo "nginx: present ($("$nginx_bin" -v 2>&1))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "nginx: not installed, and installing it needs root (apt-get install nginx-light or nginx)" >&2
  exit 1
fi
echo "nginx: installing Debian's package"
# policy-rc.d exit 101 tells Debian's maintainer scripts not to start the service the package ships.
policy=/usr/sbin/policy-rc.d
placed_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  placed_policy=1
fi
trap 'if [ "$placed_policy" -eq 1 ]; then rm -f "$policy"; fi' EXIT
# Another apt run (a CI step, a parallel install) may hold dpkg's lock: wait for it.
apt_wait=(-o DPkg::Lock::Timeout=600)
apt-get "${apt_wait[@]}" update -qq
DEBIAN_FRONTEND=noninteractive apt-get "${apt_wait[@]}" install -y -qq --no-install-recommends nginx
# The package enables its service for the next boot: the emulation never uses it.
if command -v systemctl >/dev/null; then systemctl disable --quiet nginx.service 2>/dev/null || true; fi
if command -v update-rc.d >/dev/null; then update-rc.d nginx disable >/dev/null 2>&1 || true; fi
echo "nginx: installed ($("$nginx_bin" -v 2>&1))"
