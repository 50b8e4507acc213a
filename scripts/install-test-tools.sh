#!/usr/bin/env bash
# Installs, when missing, the Debian packages the test suite and CI use:
#   coreutils (sha256sum), openssl, unzip, python3   the standard tools our files are checked with
#   chromium                                         browser tests (playwright-core drives /usr/bin/chromium;
#                                                    no browser is ever downloaded)
#   nginx                                            the local CDN emulation (scripts/cdn/)
#   swift-* and memcached                            a real S3-compatible store for CI (scripts/object-store/)
# The packages' own services are never started. Needs root (apt-get); CI runs it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/apt-install.sh" coreutils openssl unzip python3 chromium swift-proxy swift-account swift-container swift-object memcached
bash "$here/cdn/install-nginx.sh"
echo "test tools: all present"
