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
bash "$(dirname "$0")/../apt-install.sh" nginx
# The package enables its service for the next boot: the emulation never uses it.
if command -v systemctl >/dev/null; then systemctl disable --quiet nginx.service 2>/dev/null || true; fi
if command -v update-rc.d >/dev/null; then update-rc.d nginx disable >/dev/null 2>&1 || true; fi
echo "nginx: installed ($("$nginx_bin" -v 2>&1))"
