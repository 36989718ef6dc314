#!/usr/bin/env bash
# Makes sure what the tests need is on this machine: Redis on 127.0.0.1:6379, Chromium
# (/usr/bin/chromium, for the console's browser tests) and poppler-utils (pdftoppm, pdftotext: the
# invoice PDFs rendered to PNG and read back). A fresh machine may have neither: start
# what is installed, install what is not from the OS packages.
set -euo pipefail

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "cannot install $*: no apt-get; install it and re-run" >&2
    exit 1
  fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && timeout 2 head -c 5 <&3 | grep -q PONG) 2>/dev/null; }

if ! redis_up; then
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server not found: installing it from the OS packages" >&2
    apt_install redis-server
  fi
  mkdir -p /tmp/switchboard-redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/switchboard-redis --logfile /tmp/switchboard-redis/redis.log
  for _ in $(seq 1 50); do redis_up && break; sleep 0.2; done
  redis_up || { echo "redis did not start" >&2; exit 1; }
fi
echo "redis: up on 127.0.0.1:6379"

if [ ! -x /usr/bin/chromium ]; then
  echo "chromium not found: installing Debian's chromium package" >&2
  apt_install chromium
fi
/usr/bin/chromium --version >/dev/null 2>&1 || { echo "chromium does not start" >&2; exit 1; }
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"

if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "pdftoppm not found: installing Debian's poppler-utils package" >&2
  apt_install poppler-utils
fi
echo "poppler: $(pdftoppm -v 2>&1 | head -n 1)"
