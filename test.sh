#!/usr/bin/env bash
# Runs the whole test suite: unit and integration tests on SQLite and on PostgreSQL, and the
# browser tests in Chromium. Installs what is missing with apt-get (and MailDev, an SMTP server
# whose messages the tests read back, with npm), starts a throwaway PostgreSQL server and MailDev
# on free ports of 127.0.0.1, and stops them again however the run ends.
# The last line printed is the total, e.g. "212 passed, 0 failed".
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- what the tests need from Debian -------------------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- a throwaway PostgreSQL server ---------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_dir=$(mktemp -d /tmp/masthead-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
results_dir=$(mktemp -d /tmp/masthead-results.XXXXXX)

# PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
if [ "$(id -u)" = 0 ]; then
  pg_user=postgres
  id -u postgres >/dev/null 2>&1 || useradd --system --home-dir "$pg_dir" postgres
  chown postgres "$pg_dir"
  as_pg() { runuser -u postgres -- "$@"; }
else
  pg_user=$(id -un)
  as_pg() { "$@"; }
fi

maildev_pid=""
stop_servers() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  [ -n "$maildev_pid" ] && kill "$maildev_pid" 2>/dev/null || true
  rm -rf "$pg_dir" "$results_dir"
}
trap stop_servers EXIT

log "Starting PostgreSQL on 127.0.0.1:$pg_port"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U masthead --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
export MASTHEAD_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=masthead;Database=postgres"

# --- MailDev: a real SMTP server with an HTTP API to read what was delivered -----------------
maildev_dir=${XDG_CACHE_HOME:-$HOME/.cache}/masthead-test/maildev-2.2.1
if [ ! -x "$maildev_dir/node_modules/.bin/maildev" ]; then
  log "Installing MailDev 2.2.1 with npm"
  mkdir -p "$maildev_dir"
  npm install --prefix "$maildev_dir" --no-audit --no-fund --loglevel=error maildev@2.2.1 >/dev/null
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
smtp_port=$(free_port)
mail_web_port=$(free_port)
log "Starting MailDev: SMTP on 127.0.0.1:$smtp_port, API on 127.0.0.1:$mail_web_port"
"$maildev_dir/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp "$smtp_port" --web "$mail_web_port" --silent >"$pg_dir/maildev.log" 2>&1 &
maildev_pid=$!
for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$mail_web_port/email" && break; sleep 0.1; done
export MASTHEAD_TEST_SMTP="127.0.0.1:$smtp_port"
export MASTHEAD_TEST_MAILDEV="http://127.0.0.1:$mail_web_port"

# --- build once, then run every test project -----------------------------------------------
log "Building (Release)"
dotnet build Masthead.slnx -c Release -nologo -clp:ErrorsOnly

# One project at a time: the browser tests time out when Chromium shares the two cores with
# the integration tests' servers.
status=0
set +e
for project in $(ls -d tests/*/ | grep -v BrowserTests) tests/Masthead.BrowserTests/; do
  log "Running $project"
  dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=normal" --logger "trx" --results-directory "$results_dir" \
    2>&1 | tee -a "$results_dir/output.txt" | grep --line-buffered -E -A12 '^\s+Failed |^\s*(Passed|Failed)!|Test Run Aborted'
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
done
set -e

# --- totals from the TRX reports -----------------------------------------------------------
read -r passed failed skipped < <(python3 - "$results_dir" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    p += int(c.get("passed")); f += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    s += int(c.get("notExecuted"))
print(p, f, s)
PY
)
if [ "$passed" = 0 ] || [ "$failed" != 0 ]; then status=1; fi
if [ "$skipped" != 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
