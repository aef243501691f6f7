#!/usr/bin/env bash
# Pingbacks between Masthead and a real WordPress, both ways, on this machine only.
#
#   sudo bash interop/wordpress.sh [--keep]
#
# Installs Debian's wordpress package (with php-fpm, php-xml for XML-RPC, MariaDB and nginx) when missing and runs
# private instances of them under $MASTHEAD_INTEROP_DIR (default /tmp/masthead-wordpress):
# WordPress on http://localhost:8091, Masthead (Release build, SQLite) on http://127.0.0.1:5093.
# Then:
#   1. a WordPress post links to a Masthead article; WordPress sends its pingback, and the
#      article shows "Pingback: <post> – Harbour Desk";
#   2. a Masthead article links to a WordPress post; Masthead's outbox sends the pingback, and
#      the post lists it among its comments (WordPress holds pingbacks from new sources; the
#      script approves it, as a moderator would).
# Exits non-zero when either direction fails. Not part of the test suite: it needs root,
# several system packages and about two minutes. --keep leaves the servers running.
# WordPress may reach nothing but this machine (WP_HTTP_BLOCK_EXTERNAL); a must-use plugin lets
# it fetch from loopback ports, which its SSRF checks otherwise refuse.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

wp_port=${WP_PORT:-8091}
mh_port=${MH_PORT:-5093}
work=${MASTHEAD_INTEROP_DIR:-/tmp/masthead-wordpress}
wp_url=http://localhost:$wp_port
mh_url=http://127.0.0.1:$mh_port
keep=0
[ "${1:-}" = --keep ] && keep=1

log() { printf '\n== %s\n' "$*"; }
die() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (it installs packages and starts servers as their own users)"

log "Packages"
missing=()
for pkg in wordpress php-fpm php-mysql php-xml mariadb-server nginx sqlite3 curl; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
php_fpm=$(ls /usr/sbin/php-fpm* | head -1)
echo "ok: wordpress $(dpkg-query -W -f='${Version}' wordpress), $(basename "$php_fpm")"

mkdir -p "$work"
chmod 755 "$work"
pids=()
stop_all() {
  if [ "$keep" = 1 ]; then echo "Left running; stop with: kill ${pids[*]}"; return; fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/php-fpm.pid" ] && kill "$(cat "$work/php-fpm.pid")" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -f "$work/mysql-run/mysqld.pid" ] && kill "$(cat "$work/mysql-run/mysqld.pid")" 2>/dev/null || true
}
trap stop_all EXIT
wait_for() { # what, command...
  local what=$1; shift
  for _ in $(seq 150); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  die "$what did not come up"
}

log "MariaDB (private instance, socket only)"
if [ ! -d "$work/mysql/mysql" ]; then
  mariadb-install-db --user=mysql --datadir="$work/mysql" --skip-test-db >/dev/null
fi
mkdir -p "$work/mysql-run"
chown -R mysql: "$work/mysql" "$work/mysql-run"
chmod 755 "$work/mysql-run"
mariadbd --user=mysql --datadir="$work/mysql" --socket="$work/mysql-run/mysqld.sock" --pid-file="$work/mysql-run/mysqld.pid" \
  --skip-networking --log-error="$work/mysql-run/mysqld.log" &
wait_for MariaDB mariadb --socket="$work/mysql-run/mysqld.sock" -uroot -e 'select 1'
[ -f "$work/db-password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$work/db-password"
db_password=$(cat "$work/db-password")
mariadb --socket="$work/mysql-run/mysqld.sock" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS masthead_interop;
CREATE USER IF NOT EXISTS 'interop'@'localhost' IDENTIFIED BY '$db_password';
ALTER USER 'interop'@'localhost' IDENTIFIED BY '$db_password';
GRANT ALL ON masthead_interop.* TO 'interop'@'localhost';
SQL

log "WordPress on $wp_url"
# Debian's wp-config.php reads /etc/wordpress/config-<host>.php; this one is for "localhost".
cat >/etc/wordpress/config-localhost.php <<PHP
<?php
define('DB_NAME', 'masthead_interop');
define('DB_USER', 'interop');
define('DB_PASSWORD', '$db_password');
define('DB_HOST', 'localhost:$work/mysql-run/mysqld.sock');
define('WP_HOME', '$wp_url');
define('WP_SITEURL', '$wp_url');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
PHP
chmod 640 /etc/wordpress/config-localhost.php
chgrp www-data /etc/wordpress/config-localhost.php
mkdir -p /var/lib/wordpress/wp-content/mu-plugins
cp interop/wordpress/loopback-peers.php /var/lib/wordpress/wp-content/mu-plugins/masthead-interop-loopback.php

cat >"$work/php-fpm.conf" <<CONF
[global]
pid = $work/php-fpm.pid
error_log = $work/php-fpm.log
[interop]
user = www-data
group = www-data
listen = $work/php-fpm.sock
listen.mode = 0666
pm = static
pm.max_children = 4
CONF
"$php_fpm" -y "$work/php-fpm.conf"

mkdir -p "$work/nginx-tmp"
cat >"$work/nginx.conf" <<CONF
user www-data;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log $work/nginx-access.log;
  client_body_temp_path $work/nginx-tmp/body;
  fastcgi_temp_path $work/nginx-tmp/fastcgi;
  proxy_temp_path $work/nginx-tmp/proxy;
  uwsgi_temp_path $work/nginx-tmp/uwsgi;
  scgi_temp_path $work/nginx-tmp/scgi;
  server {
    listen 127.0.0.1:$wp_port;
    server_name localhost;
    root /usr/share/wordpress;
    index index.php;
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ \.php\$ {
      include /etc/nginx/fastcgi_params;
      # Debian's fastcgi_params passes the host without its port; WordPress then redirects
      # every page to itself (with the port) for ever.
      fastcgi_param HTTP_HOST \$http_host;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_pass unix:$work/php-fpm.sock;
    }
  }
}
CONF
nginx -c "$work/nginx.conf"
wp() { runuser -u www-data -- env MASTHEAD_WP_HOST="localhost:$wp_port" php interop/wordpress/site.php "$@"; }
wp install
wait_for WordPress curl -fs -o /dev/null "$wp_url/"

log "Masthead on $mh_url"
dotnet publish src/Masthead -c Release -o "$work/app" -nologo -v q >/dev/null
settings=("--Masthead:DataDirectory=$work/masthead" "--Masthead:Demo:Enabled=false"
  "--Masthead:Publication:Name=Masthead Interop" "--Masthead:Publication:BaseUrl=$mh_url"
  "--Masthead:Linkbacks:AllowedPrivateEndpoints:0=localhost:$wp_port")
masthead() { dotnet "$work/app/Masthead.dll" "$@" "${settings[@]}"; }
env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Logging__LogLevel__Masthead.Linkbacks=Information \
  dotnet "$work/app/Masthead.dll" --urls "$mh_url" "${settings[@]}" >"$work/masthead.log" 2>&1 &
pids+=($!)
wait_for Masthead curl -fs -o /dev/null "$mh_url/"
db() { sqlite3 -separator ' | ' "$work/masthead/masthead.db" "$@"; }

cat >"$work/author.yml" <<'YML'
slug: interop-desk
name: Interop Desk
bio: Checks that other sites hear from us.
YML
masthead author import "$work/author.yml" >/dev/null

failed=0

log "1. WordPress → Masthead"
cat >"$work/target.md" <<'MD'
---
title: Grain ships clear the strait
slug: grain-ships-clear-the-strait
authors: [interop-desk]
section: World
status: published
---
Eleven bulk carriers left port on Tuesday, the largest convoy since the corridor reopened.
MD
masthead article import "$work/target.md" >/dev/null
target=$mh_url/articles/grain-ships-clear-the-strait
source=$(wp post interop-reply "Reading the convoy figures" \
  "<p>Eleven ships is a start, not a trend: as <a href=\"$target\">Masthead Interop reported</a>, insurers still price each voyage alone.</p>")
echo "WordPress post $source links to $target"
wp ping
row=$(db "SELECT l.Kind, l.Status, l.Title, l.SiteName FROM Linkbacks l JOIN Articles a ON a.Id = l.ArticleId WHERE a.Slug = 'grain-ships-clear-the-strait' AND l.SourceUrl = '$source';")
echo "stored linkback: ${row:-none}"
line=$(curl -fs "$target" | grep -o 'Pingback: <a[^>]*>[^<]*</a>[^<]*' | head -1 || true)
if [ -n "$line" ]; then
  echo "article shows: $(sed -e 's/<[^>]*>//g' <<<"$line")"
else
  echo "the article shows no pingback line"; failed=1
fi

log "2. Masthead → WordPress"
post=$(wp post harbour-cranes "Harbour cranes back at work" "<p>The cranes at berth four moved containers again on Monday, after three weeks idle.</p>")
cat >"$work/source.md" <<MD
---
title: Ports count the cost of three idle weeks
slug: ports-count-the-cost
authors: [interop-desk]
section: World
status: published
---
Berth four is working again, [Harbour Desk noted]($post), but the backlog will take a month to clear.
MD
masthead article import "$work/source.md" >/dev/null
echo "Masthead article $mh_url/articles/ports-count-the-cost links to $post"
for _ in $(seq 90); do
  status=$(db "SELECT o.Status FROM OutgoingLinkbacks o JOIN Articles a ON a.Id = o.ArticleId WHERE a.Slug = 'ports-count-the-cost';")
  [ -n "$status" ] && [ "$status" != Pending ] && break
  sleep 1 # the server's sending worker looks at its outbox at least once a minute
done
echo "outbox: $(db "SELECT o.Status, o.SentAs, o.Result FROM OutgoingLinkbacks o JOIN Articles a ON a.Id = o.ArticleId WHERE a.Slug = 'ports-count-the-cost';")"
if wp pingbacks harbour-cranes; then
  if curl -fs "$post" | grep -q "ports-count-the-cost"; then
    echo "the WordPress post links back to the Masthead article in its comments"
  else
    echo "the pingback is stored but the post page does not show it"; failed=1
  fi
else
  echo "WordPress has no pingback on the post"; failed=1
fi

log "Result"
if [ "$failed" = 0 ]; then echo "both directions work"; else echo "see $work/*.log and $work/mysql-run/mysqld.log"; exit 1; fi
