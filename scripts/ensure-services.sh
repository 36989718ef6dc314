#!/usr/bin/env bash
# Makes sure the services the tests need are running on this machine: Redis on 127.0.0.1:6379.
# A fresh machine may have none: start it if installed, install it from the OS packages if not.
set -euo pipefail

redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && timeout 2 head -c 5 <&3 | grep -q PONG) 2>/dev/null; }

if ! redis_up; then
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server not found: installing it from the OS packages" >&2
    if command -v apt-get >/dev/null 2>&1; then
      SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
      $SUDO apt-get update -qq && $SUDO apt-get install -y -qq redis-server >/dev/null
    else
      echo "cannot install redis-server: no apt-get; install Redis and re-run" >&2
      exit 1
    fi
  fi
  mkdir -p /tmp/switchboard-redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/switchboard-redis --logfile /tmp/switchboard-redis/redis.log
  for _ in $(seq 1 50); do redis_up && break; sleep 0.2; done
  redis_up || { echo "redis did not start" >&2; exit 1; }
fi
echo "redis: up on 127.0.0.1:6379"
