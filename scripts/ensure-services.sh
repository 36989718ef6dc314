#!/usr/bin/env bash
# Makes sure what the tests need is on this machine: Redis on 127.0.0.1:6379, PostgreSQL on
# 127.0.0.1:5432 (user postgres without a password from loopback, database test: the suite's
# PostgreSQL run, scripts/run-tests.mjs), Chromium
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

pg_up() { command -v psql >/dev/null 2>&1 && psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; }

if ! pg_up; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "postgresql not found: installing it from the OS packages" >&2
    apt_install postgresql
  fi
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  [ -d "/etc/postgresql/$version/main" ] || $SUDO pg_createcluster "$version" main >/dev/null
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  # The tests connect as postgres from loopback without a password (a test machine only).
  if ! $SUDO grep -q '^host all postgres 127.0.0.1/32 trust' "$hba"; then
    $SUDO sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
  fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 1 50); do pg_up && break; sleep 0.2; done
  pg_up || { echo "postgresql did not start" >&2; exit 1; }
fi
if [ "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'test'")" != "1" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'create database test' >/dev/null
fi
echo "postgresql: up on 127.0.0.1:5432 ($(psql -h 127.0.0.1 -U postgres -d test -tAc 'show server_version'))"

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
