#!/usr/bin/env bash
# The local CDN emulation: Debian's nginx as a caching edge in front of `prep serve`, on
# 127.0.0.1 only, with its own configuration and folders (see docs/cdn-emulation.md).
#
#   scripts/cdn/cdn.sh start --origin 127.0.0.1:8080 [--port 8081] [--tap-port 8082] [--dir DIR] [--workers N]
#   scripts/cdn/cdn.sh flush --dir DIR     write buffered log lines to DIR/logs now
#   scripts/cdn/cdn.sh stop  --dir DIR     stop it, waiting for every nginx process to end
#
# start installs nginx when missing (scripts/cdn/install-nginx.sh, needs root), fills
# nginx.conf.template into DIR/nginx.conf, checks it, starts nginx and waits for the edge to
# answer. It prints DIR (a new temporary folder unless --dir is given) on stdout.
# DIR/logs/edge.log has one line per visitor request with the edge's cache status;
# DIR/logs/origin.log one line per request that reached the origin.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
nginx_bin=${NGINX:-/usr/sbin/nginx}

usage() {
  sed -n '5,7p' "$0" | sed 's/^# \{0,3\}//' >&2
  exit 2
}

command=${1:-}
[ -n "$command" ] || usage
shift
origin='' port=8081 tap_port='' dir='' workers=auto cache_max=1g
while [ $# -gt 0 ]; do
  case "$1" in
    --origin) origin=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --tap-port) tap_port=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --cache-max) cache_max=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "cdn: unknown option $1" >&2; usage ;;
  esac
done

# Waits until the master process named in the pid file is gone.
wait_gone() {
  local pid=$1 i
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# Waits until something accepts connections on 127.0.0.1:$1.
wait_listening() {
  local i
  for i in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

nginx_in() {
  "$nginx_bin" -p "$1" -c "$1/nginx.conf" -e "$1/logs/error.log" "${@:2}"
}

case "$command" in
  start)
    [ -n "$origin" ] || { echo "cdn: start needs --origin HOST:PORT (where prep serve listens)" >&2; exit 2; }
    case "$origin" in
      127.0.0.1:*|localhost:*) ;;
      *) echo "cdn: the origin must be on 127.0.0.1 (got $origin)" >&2; exit 2 ;;
    esac
    tap_port=${tap_port:-$((port + 1))}
    "$here/install-nginx.sh" >&2
    dir=${dir:-$(mktemp -d "${TMPDIR:-/tmp}/prep-cdn.XXXXXX")}
    mkdir -p "$dir/logs" "$dir/run" "$dir/cache"
    dir=$(cd "$dir" && pwd)
    # Started as root, nginx runs its workers as nobody: they write the cache and the logs.
    user_line=''
    if [ "$(id -u)" -eq 0 ]; then
      group=$(id -gn nobody)
      user_line="user nobody $group;"
      chmod 0755 "$dir"
      chown -R "nobody:$group" "$dir/logs" "$dir/run" "$dir/cache"
    fi
    if [ -f "$dir/run/nginx.pid" ] && kill -0 "$(cat "$dir/run/nginx.pid")" 2>/dev/null; then
      echo "cdn: an edge already runs from $dir (pid $(cat "$dir/run/nginx.pid")): stop it first" >&2
      exit 1
    fi
    sed -e "s|@DIR@|$dir|g" -e "s|@EDGE_PORT@|$port|g" -e "s|@TAP_PORT@|$tap_port|g" \
      -e "s|@ORIGIN@|$origin|g" -e "s|@WORKERS@|$workers|g" -e "s|@CACHE_MAX@|$cache_max|g" \
      -e "s|@USER@|$user_line|" \
      "$here/nginx.conf.template" > "$dir/nginx.conf"
    nginx_in "$dir" -t -q
    nginx_in "$dir"
    if ! wait_listening "$port"; then
      echo "cdn: nginx started but nothing answers on 127.0.0.1:$port; see $dir/logs/error.log" >&2
      exit 1
    fi
    echo "cdn: edge http://127.0.0.1:$port/ → tap 127.0.0.1:$tap_port → origin $origin (nginx pid $(cat "$dir/run/nginx.pid"), folder $dir)" >&2
    echo "$dir"
    ;;
  flush)
    [ -n "$dir" ] || { echo "cdn: flush needs --dir DIR" >&2; exit 2; }
    # Reopening the logs makes every worker write its buffered lines first.
    nginx_in "$dir" -s reopen
    # The workers reopen asynchronously: wait until the log files stop growing.
    size() { cat "$dir"/logs/*.log 2>/dev/null | wc -c; }
    before=-1
    for _ in $(seq 1 50); do
      now=$(size)
      [ "$now" = "$before" ] && break
      before=$now
      sleep 0.1
    done
    ;;
  stop)
    [ -n "$dir" ] || { echo "cdn: stop needs --dir DIR" >&2; exit 2; }
    pid_file="$dir/run/nginx.pid"
    if [ ! -f "$pid_file" ]; then
      echo "cdn: no edge runs from $dir" >&2
      exit 0
    fi
    pid=$(cat "$pid_file")
    # quit: finish the requests in flight, flush the logs, then exit.
    nginx_in "$dir" -s quit 2>/dev/null || kill -QUIT "$pid" 2>/dev/null || true
    if ! wait_gone "$pid"; then
      echo "cdn: nginx $pid did not stop within 10 s; terminating it" >&2
      kill -TERM "$pid" 2>/dev/null || true
      wait_gone "$pid" || { echo "cdn: nginx $pid is still running" >&2; exit 1; }
    fi
    echo "cdn: stopped (logs in $dir/logs)" >&2
    ;;
  *) usage ;;
esac
