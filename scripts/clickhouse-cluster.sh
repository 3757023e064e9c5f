#!/usr/bin/env bash
# A local two-shard ClickHouse cluster for trying and testing `--engine clickhouse` (docs/sql.md
# "ClickHouse"): two clickhouse-server processes on 127.0.0.1, each with its own config, data,
# tmp and logs under DIR, and a `support_audit` cluster in `remote_servers` naming both shards.
#
#   scripts/clickhouse-cluster.sh start DIR   start both, wait until both answer SELECT 1 over HTTP,
#                                             print the HTTP URLs (one a line)
#   scripts/clickhouse-cluster.sh stop DIR    stop both and wait until they are gone
#
# The one user, `support_audit`, has the password in SUPPORT_AUDIT_CLICKHOUSE_PASSWORD, or else a
# generated one written to DIR/password (mode 600). The password is never printed nor passed as an
# argument. DIR/env holds the variables the tests read (CLICKHOUSE_URLS, CLICKHOUSE_URL,
# CLICKHOUSE_USER; not the password). Ports: CLICKHOUSE_PORT_BASE (six consecutive ports from it),
# else the first free block found from 29100 up.
#
# Needs the server binary of Debian's clickhouse-server package (or CLICKHOUSE_SERVER=path); it does
# not use /etc/clickhouse-server, the systemd unit or /var/lib/clickhouse.
set -euo pipefail
# Bash 5.2 reads `&` in a ${var//pattern/replacement} as the matched text; the escaping below means a literal `&`.
shopt -u patsub_replacement 2>/dev/null || true

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
cmd=$1
dir=$2

SHARDS=(1 2)
CH_USER=support_audit

port_busy() {
  # Something listens there (bash's /dev/tcp; no external tool needed).
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

find_ports() {
  local base=${CLICKHOUSE_PORT_BASE:-29100} tries=0
  while :; do
    local free=1 p
    for p in $(seq "$base" $((base + 5))); do
      if port_busy "$p"; then free=0; break; fi
    done
    if [ $free -eq 1 ]; then echo "$base"; return 0; fi
    if [ -n "${CLICKHOUSE_PORT_BASE:-}" ]; then
      echo "clickhouse-cluster: a port in $base..$((base + 5)) (CLICKHOUSE_PORT_BASE) is in use" >&2
      return 1
    fi
    base=$((base + 10))
    tries=$((tries + 1))
    [ $tries -lt 200 ] || { echo "clickhouse-cluster: no six free ports found from 29100" >&2; return 1; }
  done
}

xml_escape() {
  local s=$1
  s=${s//&/&amp;}
  s=${s//</&lt;}
  s=${s//>/&gt;}
  s=${s//\"/&quot;}
  s=${s//\'/&apos;}
  printf '%s' "$s"
}

pid_alive() {
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null
}

stop_cluster() {
  local n pid waited
  for n in "${SHARDS[@]}"; do
    [ -f "$dir/shard$n/pid" ] || continue
    pid=$(cat "$dir/shard$n/pid")
    if pid_alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for n in "${SHARDS[@]}"; do
    [ -f "$dir/shard$n/pid" ] || continue
    pid=$(cat "$dir/shard$n/pid")
    waited=0
    while pid_alive "$pid"; do
      if [ $waited -ge 300 ]; then
        echo "clickhouse-cluster: shard $n (pid $pid) did not stop in 30 s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
      fi
      sleep 0.1
      waited=$((waited + 1))
      [ $waited -lt 400 ] || break
    done
    rm -f "$dir/shard$n/pid"
  done
}

if [ "$cmd" = stop ]; then
  [ -d "$dir" ] || { echo "clickhouse-cluster: $dir does not exist" >&2; exit 1; }
  stop_cluster
  exit 0
fi
[ "$cmd" = start ] || usage

server=${CLICKHOUSE_SERVER:-}
if [ -z "$server" ]; then
  for c in clickhouse-server /usr/sbin/clickhouse-server /usr/bin/clickhouse-server; do
    if command -v "$c" >/dev/null 2>&1; then server=$(command -v "$c"); break; fi
  done
fi
[ -n "$server" ] || { echo "clickhouse-cluster: clickhouse-server not found (apt-get install clickhouse-server, or set CLICKHOUSE_SERVER)" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "clickhouse-cluster: curl is needed to wait for the servers" >&2; exit 1; }

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
for n in "${SHARDS[@]}"; do
  if [ -f "$dir/shard$n/pid" ] && pid_alive "$(cat "$dir/shard$n/pid")"; then
    echo "clickhouse-cluster: shard $n is already running from $dir (stop it first)" >&2
    exit 1
  fi
done

umask 077
if [ -n "${SUPPORT_AUDIT_CLICKHOUSE_PASSWORD:-}" ]; then
  password=$SUPPORT_AUDIT_CLICKHOUSE_PASSWORD
else
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
  printf '%s\n' "$password" >"$dir/password"
fi
password_xml=$(xml_escape "$password")
password_sha=$(printf '%s' "$password" | sha256sum | cut -d' ' -f1)

base=$(find_ports)
# Per shard: HTTP, native TCP (used between the shards by the Distributed table), interserver HTTP.
http_port() { echo $((base + ($1 - 1) * 3)); }
tcp_port() { echo $((base + ($1 - 1) * 3 + 1)); }
inter_port() { echo $((base + ($1 - 1) * 3 + 2)); }

cat >"$dir/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
    <profiles>
        <default>
            <max_memory_usage>2000000000</max_memory_usage>
            <load_balancing>in_order</load_balancing>
        </default>
    </profiles>
    <users>
        <$CH_USER>
            <password_sha256_hex>$password_sha</password_sha256_hex>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </$CH_USER>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries>
                <errors>0</errors>
                <result_rows>0</result_rows>
                <read_rows>0</read_rows>
                <execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</yandex>
EOF

shards_xml=""
for n in "${SHARDS[@]}"; do
  shards_xml+="
                <shard>
                    <replica>
                        <host>127.0.0.1</host>
                        <port>$(tcp_port "$n")</port>
                        <user>$CH_USER</user>
                        <password>$password_xml</password>
                    </replica>
                </shard>"
done

for n in "${SHARDS[@]}"; do
  s="$dir/shard$n"
  mkdir -p "$s/data" "$s/tmp" "$s/logs" "$s/user_files" "$s/format_schemas"
  cat >"$s/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>information</level>
        <log>$s/logs/clickhouse-server.log</log>
        <errorlog>$s/logs/clickhouse-server.err.log</errorlog>
        <size>10M</size>
        <count>2</count>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>$(http_port "$n")</http_port>
    <tcp_port>$(tcp_port "$n")</tcp_port>
    <interserver_http_port>$(inter_port "$n")</interserver_http_port>
    <interserver_http_host>127.0.0.1</interserver_http_host>
    <max_connections>64</max_connections>
    <keep_alive_timeout>3</keep_alive_timeout>
    <max_concurrent_queries>20</max_concurrent_queries>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
    <mark_cache_size>268435456</mark_cache_size>
    <path>$s/data/</path>
    <tmp_path>$s/tmp/</tmp_path>
    <user_files_path>$s/user_files/</user_files_path>
    <format_schema_path>$s/format_schemas/</format_schema_path>
    <users_config>$dir/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mlock_executable>false</mlock_executable>
    <remote_servers>
        <support_audit>$shards_xml
        </support_audit>
    </remote_servers>
    <macros>
        <shard>$n</shard>
    </macros>
    <max_session_timeout>3600</max_session_timeout>
    <default_session_timeout>60</default_session_timeout>
</yandex>
EOF
done

# The servers run in the background, each in its own process group, output to its log folder.
for n in "${SHARDS[@]}"; do
  s="$dir/shard$n"
  (cd "$s" && exec setsid "$server" --config-file="$s/config.xml" >"$s/logs/stdout.log" 2>"$s/logs/stderr.log" </dev/null) &
  echo $! >"$s/pid"
done

urls=()
for n in "${SHARDS[@]}"; do urls+=("http://127.0.0.1:$(http_port "$n")"); done

# Wait until each answers SELECT 1 as the user (at most 120 s: the first start creates its folders).
# curl reads the credentials from a config on stdin, so they are not in the process list.
curl_password=${password//\\/\\\\}
curl_password=${curl_password//\"/\\\"}
ready() {
  local url=$1 out
  out=$(printf 'user = "%s:%s"\n' "$CH_USER" "$curl_password" | curl -sS --max-time 5 -K - "$url/?query=SELECT%201" 2>/dev/null) || return 1
  [ "$out" = 1 ]
}
for i in "${!SHARDS[@]}"; do
  n=${SHARDS[$i]}
  waited=0
  until ready "${urls[$i]}"; do
    if ! pid_alive "$(cat "$dir/shard$n/pid")"; then
      echo "clickhouse-cluster: shard $n exited while starting; the end of its log:" >&2
      tail -n 20 "$dir/shard$n/logs/clickhouse-server.err.log" "$dir/shard$n/logs/stderr.log" >&2 2>/dev/null || true
      stop_cluster
      exit 1
    fi
    if [ $waited -ge 1200 ]; then
      echo "clickhouse-cluster: shard $n did not answer SELECT 1 at ${urls[$i]} within 120 s" >&2
      stop_cluster
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
done

{
  echo "CLICKHOUSE_URLS=$(IFS=,; echo "${urls[*]}")"
  echo "CLICKHOUSE_URL=${urls[0]}"
  echo "CLICKHOUSE_USER=$CH_USER"
} >"$dir/env"
printf '%s\n' "${urls[@]}"
