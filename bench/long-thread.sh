#!/usr/bin/env bash
# An article with 10,000 approved comments: server time to render its first page of comments,
# the page cache off so every request renders (the cache would answer in about a millisecond).
#
#   bash bench/long-thread.sh [--comments 10000] [--requests 200] [--cold]
#
# Prints the median and 95th percentile of time to first byte over sequential requests to
# 127.0.0.1 (so network time is nil), after 20 warm-up requests, and the page's size. --cold
# lets the discussion's in-memory shape expire before every request (1 s age limit, 1.2 s apart),
# which measures the first render after a change.
set -euo pipefail
cd "$(dirname "$0")/.."

comments=10000 requests=200 cold=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cold) cold=1; requests=40; shift ;;
    --comments) comments=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/masthead-long-thread.XXXXXX)
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

echo "Publishing Release build..." >&2
dotnet publish src/Masthead -c Release -o "$work/app" -nologo -v q >/dev/null
settings=("--Masthead:DataDirectory=$work/data" "--Masthead:Demo:Enabled=false" "--Masthead:PageCache:Enabled=false")
cli() { dotnet "$work/app/Masthead.dll" "$@" "${settings[@]}" >/dev/null; }
cli author import src/Masthead/Demo/Content/author.yml
cli article import src/Masthead/Demo/Content/article.md
slug=$(sed -n 's/^slug: *//p' src/Masthead/Demo/Content/article.md | head -1)
echo "Writing $comments comments..." >&2
cli demo comments "$slug" --count "$comments"

port=$(free_port)
pause=0
if [ "$cold" = 1 ]; then settings+=("--Masthead:PageCache:MaxAgeSeconds=1"); pause=1.2; fi
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$work/app/Masthead.dll" --urls "http://127.0.0.1:$port" "${settings[@]}" >"$work/app.log" 2>&1 &
app_pid=$!
url="http://127.0.0.1:$port/articles/$slug"
for _ in $(seq 150); do curl -fs -o /dev/null "$url" && break; sleep 0.2; done

for _ in $(seq 20); do curl -fs -o /dev/null "$url"; done
for _ in $(seq "$requests"); do sleep "$pause"; curl -fs -o /dev/null -w '%{time_starttransfer}\n' "$url"; done >"$work/times"
size=$(curl -fs "$url" | wc -c)
count=$(curl -fs "$url" | grep -o '[0-9,]* comments on' | head -1)
python3 - "$work/times" "$size" "$count" <<'PY'
import statistics, sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]))
p95 = t[int(len(t) * 0.95) - 1]
print(f"first page of the discussion: median {statistics.median(t):.1f} ms, p95 {p95:.1f} ms over {len(t)} requests; "
      f"{int(sys.argv[2]) / 1024:.0f} KB; heading says \"{sys.argv[3]}\"")
PY
