#!/usr/bin/env bash
# Starts a single-node OpenStack Swift with the s3api middleware on 127.0.0.1, for testing the
# S3 publication target against a real object store (real multipart ETags, real listing and
# copy semantics). Debian's packages (Swift 2.30 on bookworm); needs root to install them.
#
#   scripts/object-store/swift-up.sh RUN_DIR      # then: source RUN_DIR/s3.env
#   scripts/object-store/swift-down.sh RUN_DIR
#
# Everything lives under RUN_DIR: configuration, rings, storage, logs, pid files, and s3.env
# (mode 600: the endpoint, the generated access key and secret, the bucket, as the
# PREP_TEST_S3_* variables the tests read). The secret is never printed.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 RUN_DIR" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "$here/../.." && pwd)"
run="$(realpath -m "$1")"
bucket="${PREP_SWIFT_BUCKET:-prep-test}"
py=/usr/bin/python3   # Debian's Python, the one Swift's packages install into

log() { echo "swift-up: $*" >&2; }

bash "$project/scripts/apt-install.sh" swift-proxy swift-account swift-container swift-object memcached

if [ -e "$run/pids" ] && ls "$run/pids"/*.pid >/dev/null 2>&1; then
  echo "swift-up: $run already has running servers (pid files in $run/pids); run swift-down.sh $run first" >&2
  exit 1
fi
mkdir -p "$run"/{etc,pids,logs,node/d1,cache}
chmod 700 "$run"

# On failure, stop whatever was started: nothing is left running.
trap 'status=$?; if [ $status -ne 0 ]; then log "failed; stopping what was started (logs in $run/logs)"; bash "$here/swift-down.sh" "$run" >&2 || true; fi' EXIT

# Swift keeps object metadata in extended attributes: refuse a file system without them.
"$py" - "$run/node/d1" <<'PY' || { echo "swift-up: $run/node/d1: the file system does not support user extended attributes, which Swift needs; use a RUN_DIR on ext4, xfs or tmpfs" >&2; exit 1; }
import os, sys
probe = os.path.join(sys.argv[1], '.xattr-probe')
open(probe, 'w').close()
try:
    os.setxattr(probe, 'user.swift.probe', b'1')
    assert os.getxattr(probe, 'user.swift.probe') == b'1'
finally:
    os.remove(probe)
PY

# Five free ports on 127.0.0.1 (proxy, account, container, object, memcached).
read -r p_proxy p_account p_container p_object p_memcached < <("$py" - <<'PY'
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks: s.bind(('127.0.0.1', 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks: s.close()
PY
)
secret="$("$py" -c 'import secrets; print(secrets.token_hex(20))')"
access_key="prep:publisher"   # s3api with tempauth: the access key is account:user
user="$(id -un)"

umask 077
cat > "$run/etc/swift.conf" <<CONF
[swift-hash]
swift_hash_path_prefix = $("$py" -c 'import secrets; print(secrets.token_hex(8))')
swift_hash_path_suffix = $("$py" -c 'import secrets; print(secrets.token_hex(8))')

[storage-policy:0]
name = Policy-0
default = yes
CONF

# Shared [DEFAULT] of every server: loopback only, one process each (workers = 0), storage in
# a plain folder (mount_check = false), logs to the console (captured in logs/), syslog to
# 127.0.0.1 where nothing listens.
common() {
  cat <<CONF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $1
workers = 0
user = $user
swift_dir = $run/etc
devices = $run/node
mount_check = false
log_udp_host = 127.0.0.1
log_level = INFO
CONF
}
{ common "$p_account"; printf '\n[pipeline:main]\npipeline = account-server\n\n[app:account-server]\nuse = egg:swift#account\n'; } > "$run/etc/account-server.conf"
{ common "$p_container"; printf '\n[pipeline:main]\npipeline = container-server\n\n[app:container-server]\nuse = egg:swift#container\n'; } > "$run/etc/container-server.conf"
{ common "$p_object"; printf '\n[pipeline:main]\npipeline = object-server\n\n[app:object-server]\nuse = egg:swift#object\n'; } > "$run/etc/object-server.conf"
{
  common "$p_proxy"
  cat <<CONF

[pipeline:main]
# s3api just before its auth filter (tempauth); slo after s3api for multipart uploads; copy for
# S3 CopyObject. The order follows Swift's proxy-server.conf sample.
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl ratelimit s3api tempauth copy slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:s3api]
use = egg:swift#s3api
location = us-east-1

[filter:tempauth]
use = egg:swift#tempauth
user_prep_publisher = $secret .admin

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$p_memcached
# The default pool of 2 connections times out when a test sends hundreds of requests at once
# ("All memcached servers error-limited"), and the proxy then answers them slowly.
memcache_max_connections = 64
pool_timeout = 5

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:ratelimit]
use = egg:swift#ratelimit
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
[filter:symlink]
use = egg:swift#symlink
CONF
} > "$run/etc/proxy-server.conf"

# One device, one replica: part power 8 is plenty for a test store.
for ring in account container object; do
  port_var="p_$ring"
  swift-ring-builder "$run/etc/$ring.builder" create 8 1 1 >/dev/null
  swift-ring-builder "$run/etc/$ring.builder" add "r1z1-127.0.0.1:${!port_var}/d1" 100 >/dev/null
  swift-ring-builder "$run/etc/$ring.builder" rebalance >/dev/null
done

start() {
  local name=$1; shift
  nohup "$@" >"$run/logs/$name.log" 2>&1 &
  echo $! >"$run/pids/$name.pid"
}
# -P names RUN_DIR in memcached's command line too, which swift-down.sh checks before killing.
start memcached memcached -l 127.0.0.1 -p "$p_memcached" -U 0 -m 64 -u "$user" -P "$run/cache/memcached.pid"
for server in account container object proxy; do
  start "$server" "swift-$server-server" "$run/etc/$server-server.conf" --verbose
done

wait_port() {
  local name=$1 port=$2
  for _ in $(seq 1 150); do
    if ! kill -0 "$(cat "$run/pids/$name.pid")" 2>/dev/null; then
      echo "swift-up: $name exited while starting; its log:" >&2; tail -n 20 "$run/logs/$name.log" >&2; return 1
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "swift-up: $name did not listen on 127.0.0.1:$port within 30 s; its log:" >&2; tail -n 20 "$run/logs/$name.log" >&2; return 1
}
wait_port memcached "$p_memcached"
wait_port account "$p_account"
wait_port container "$p_container"
wait_port object "$p_object"
wait_port proxy "$p_proxy"
for _ in $(seq 1 50); do
  [ "$("$py" -c "import urllib.request as u; print(u.urlopen('http://127.0.0.1:$p_proxy/healthcheck', timeout=2).read().decode())" 2>/dev/null)" = OK ] && break
  sleep 0.2
done

cat > "$run/s3.env" <<ENV
export PREP_TEST_S3_ENDPOINT=http://127.0.0.1:$p_proxy
export PREP_TEST_S3_ACCESS_KEY=$access_key
export PREP_TEST_S3_SECRET_KEY=$secret
export PREP_TEST_S3_BUCKET=$bucket
ENV

# The bucket, made through the S3 API itself: proves signatures, tempauth and the account's
# autocreation work end to end before any test runs.
(set -a; . "$run/s3.env"; "$project/node_modules/.bin/node" "$here/createBucket.ts")
log "Swift $(dpkg-query -W -f='${Version}' swift) with s3api at http://127.0.0.1:$p_proxy, bucket $bucket; credentials in $run/s3.env"
