#!/usr/bin/env bash
# Article page under load: Masthead (Release, SQLite) against nginx serving the same page's
# bytes as a static file, alternating the two so that both see the same machine state.
#
#   bash bench/article-page.sh [--comments 200] [--duration 10] [--connections 32] [--rounds 3]
#
# Needs wrk and nginx (installed with apt-get when missing). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

comments=200 duration=10 connections=32 rounds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --comments) comments=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/masthead-bench.XXXXXX)
chmod 755 "$work" # nginx workers run as an unprivileged user
app_pid="" nginx_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "${KEEP_BENCH:-}" ] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

echo "Publishing Release build..." >&2
dotnet publish src/Masthead -c Release -o "$work/app" -nologo -v q >/dev/null

data="$work/data"
cli() { dotnet "$work/app/Masthead.dll" "$@" "--Masthead:DataDirectory=$data" "--Masthead:Demo:Enabled=false" >/dev/null; }
cli author import src/Masthead/Demo/Content/author.yml
cli article import src/Masthead/Demo/Content/article.md
slug=$(sed -n 's/^slug: *//p' src/Masthead/Demo/Content/article.md | head -1)
cli demo comments "$slug" --count "$comments"

app_port=$(free_port)
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$work/app/Masthead.dll" --urls "http://127.0.0.1:$app_port" "--Masthead:DataDirectory=$data" "--Masthead:Demo:Enabled=false" \
  >"$work/app.log" 2>&1 &
app_pid=$!
url="http://127.0.0.1:$app_port/articles/$slug"
for _ in $(seq 100); do curl -fs -o /dev/null "$url" && break; sleep 0.2; done

mkdir -p "$work/static"
curl -fs "$url" -o "$work/static/article.html"
bytes=$(stat -c %s "$work/static/article.html")
approved=$(grep -o '<li id="comment-' "$work/static/article.html" | wc -l || true)

nginx_port=$(free_port)
cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $work/ngx-body;
  proxy_temp_path $work/ngx-proxy;
  fastcgi_temp_path $work/ngx-fastcgi;
  uwsgi_temp_path $work/ngx-uwsgi;
  scgi_temp_path $work/ngx-scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/static;
    default_type text/html;
  }
}
NGINX
"$nginx_bin" -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
static_url="http://127.0.0.1:$nginx_port/article.html"
for _ in $(seq 50); do curl -fs -o /dev/null "$static_url" && break; sleep 0.1; done

# Warm both up before measuring. .NET needs the longer run: tiered compilation keeps
# recompiling hot methods with profile data for the first several seconds under load.
wrk -t2 -c"$connections" -d20s "$url" >/dev/null
wrk -t2 -c"$connections" -d3s "$static_url" >/dev/null

measure() { # url -> "rps p50 p99 non-2xx"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$1" | tee -a "$work/wrk.log" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.0f} {p50:.2f} {p99:.2f} {errors.group(1) if errors else 0}")'
}

echo "| round | server | requests/s | p50 ms | p99 ms | non-2xx |"
echo "|---|---|---|---|---|---|"
m_total=0 n_total=0
for round in $(seq "$rounds"); do
  read -r rps p50 p99 err < <(measure "$url")
  echo "| $round | Masthead | $rps | $p50 | $p99 | $err |"
  m_total=$((m_total + rps))
  read -r rps p50 p99 err < <(measure "$static_url")
  echo "| $round | nginx static | $rps | $p50 | $p99 | $err |"
  n_total=$((n_total + rps))
done
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status")
echo
echo "Page: /articles/$slug, $bytes bytes, $approved comments shown; $connections connections, ${duration}s per run, $rounds rounds."
echo "Masthead mean $((m_total / rounds)) requests/s; nginx mean $((n_total / rounds)) requests/s; ratio $(python3 -c "print(f'{$m_total / $n_total:.2f}')")."
echo "Masthead peak resident memory: $((peak_kb / 1024)) MiB."
