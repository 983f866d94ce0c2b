#!/usr/bin/env bash
# A two-node GFMIS sign-in cluster on this machine, without Docker: the stock Keycloak distribution
# with the bundle, built once (PostgreSQL, Infinispan with JDBC_PING: Keycloak 26's default), two
# nodes in production mode on loopback ports, one shared PostgreSQL database, and haproxy in front
# (round robin, no stickiness). Soft Token challenges go out by Web Push (provider web-push), which
# may send to http://127.0.0.1 only: the load test's devices receive them there. See docs/cluster.md.
#
#   ./run-cluster.sh start [--fresh]   build the server once, start both nodes and the load balancer
#                                      (--fresh: drop and re-create the database first)
#   ./run-cluster.sh stop              stop what this script started (its pid files only)
#   ./run-cluster.sh status            what runs, and whether each node is ready
#   ./run-cluster.sh kill node1|node2  kill -9 one node (a crash), for fault tests
#   ./run-cluster.sh restart node1|node2   start one stopped node again
#
# Needs Java 17+, haproxy, jq and pgrep (apt-get install haproxy jq procps), psql and a PostgreSQL that trusts the user;
# the bundle built first: mvn -B install -DskipTests. Settings (environment, defaults shown):
#   CLUSTER_DB_HOST=127.0.0.1 CLUSTER_DB_PORT=5432 CLUSTER_DB_NAME=gfmis_cluster
#   CLUSTER_DB_USER=postgres CLUSTER_DB_PASSWORD=postgres
#   CLUSTER_NODE1_PORT=8180 CLUSTER_NODE2_PORT=8280 CLUSTER_LB_PORT=8380
#   CLUSTER_NODE1_MANAGEMENT_PORT=9180 CLUSTER_NODE2_MANAGEMENT_PORT=9280
#   CLUSTER_NODE1_CLUSTER_PORT=7880 CLUSTER_NODE2_CLUSTER_PORT=7890   (Infinispan/JGroups)
#   CLUSTER_SMTP_HOST=127.0.0.1 CLUSTER_SMTP_PORT=3180   (where the realm sends mail)
#   CLUSTER_CID_HASH_KEY=...   (default: a random key made once, kept in target/cluster/)
#   CLUSTER_HEAP="-Xms128m -Xmx512m"  CLUSTER_MAVEN_REPO=~/.m2/repository
#   CLUSTER_CPUS=   (e.g. 0: the nodes and haproxy run on these processors only, taskset -c; so that a
#                   load generator on the others does not take the servers' time, docs/performance.md)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
root="$PWD"
dir="${CLUSTER_DIR:-$root/target/cluster}"
kc_version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)"

db_host="${CLUSTER_DB_HOST:-127.0.0.1}"
db_port="${CLUSTER_DB_PORT:-5432}"
db_name="${CLUSTER_DB_NAME:-gfmis_cluster}"
db_user="${CLUSTER_DB_USER:-postgres}"
db_password="${CLUSTER_DB_PASSWORD:-postgres}"
smtp_host="${CLUSTER_SMTP_HOST:-127.0.0.1}"
smtp_port="${CLUSTER_SMTP_PORT:-3180}"
lb_port="${CLUSTER_LB_PORT:-8380}"
heap="${CLUSTER_HEAP:--Xms128m -Xmx512m}"
maven_repo="${CLUSTER_MAVEN_REPO:-$HOME/.m2/repository}"
nodes=(node1 node2)
pinned=()
[[ -n "${CLUSTER_CPUS:-}" ]] && pinned=(taskset -c "$CLUSTER_CPUS")
declare -A http_port=([node1]="${CLUSTER_NODE1_PORT:-8180}" [node2]="${CLUSTER_NODE2_PORT:-8280}")
declare -A mgmt_port=([node1]="${CLUSTER_NODE1_MANAGEMENT_PORT:-9180}" [node2]="${CLUSTER_NODE2_MANAGEMENT_PORT:-9280}")
declare -A jgroups_port=([node1]="${CLUSTER_NODE1_CLUSTER_PORT:-7880}" [node2]="${CLUSTER_NODE2_CLUSTER_PORT:-7890}")

say() { echo "run-cluster.sh: $*"; }
fail() { echo "run-cluster.sh: $*" >&2; exit 1; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A pid from one of our pid files, only while its process group (each was started with setsid) still
# holds a process we started: one whose command line names the node's directory or our haproxy.cfg.
# That is the start script, or the JVM alone when the script has died; a recycled pid never
# matches, so it never gets a signal.
our_pid() {
  local file="$dir/$1.pid" pid marker="$dir/$1/" member
  [[ "$1" == haproxy ]] && marker="$root/cluster/haproxy.cfg"
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  for member in $(pgrep -g "$pid" 2>/dev/null); do
    if tr '\0' ' ' <"/proc/$member/cmdline" 2>/dev/null | grep -qF "$marker"; then
      echo "$pid"
      return 0
    fi
  done
  return 1
}

alive() {
  local pid
  pid="$(cat "$dir/$1.pid" 2>/dev/null)"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:${mgmt_port[$1]}/health/ready"; }

bundle_jar() {
  local jar
  jar="$(ls bundle/target/gfmis-signin-keycloak-*.jar 2>/dev/null | grep -v -e sources -e original | head -1 || true)"
  [[ -n "$jar" ]] || fail "no bundle jar in bundle/target; build first: mvn -B install -DskipTests"
  echo "$jar"
}

# The stock distribution, unpacked once, with the bundle in providers/ and `kc.sh build` run once
# for PostgreSQL with health checks (the cache defaults to Infinispan with the jdbc-ping stack) and
# Web Push as the Soft Token's push provider (a build option). Built again when the bundle or these
# options change.
build_options=(--db=postgres --health-enabled=true --metrics-enabled=true
  --spi-gfmis-softtoken-push--provider=web-push)
prepare_server() {
  local jar base="$dir/keycloak-$kc_version"
  jar="$(bundle_jar)"
  if [[ -f "$base/.built" && ! "$jar" -nt "$base/.built" \
    && "$(cat "$base/.built")" == "${build_options[*]}" ]]; then
    return
  fi
  local zip="$maven_repo/org/keycloak/keycloak-quarkus-dist/$kc_version/keycloak-quarkus-dist-$kc_version.zip"
  if [[ ! -f "$zip" ]]; then
    say "fetching keycloak-quarkus-dist $kc_version from Maven Central ..."
    mvn -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" \
      -Dmaven.repo.local="$maven_repo" -Dtransitive=false
  fi
  say "unpacking Keycloak $kc_version and building it with the bundle (once) ..."
  rm -rf "$base"
  mkdir -p "$dir"
  unzip -q "$zip" -d "$dir"
  cp "$jar" "$base/providers/"
  (cd "$base" && JAVA_OPTS_KC_HEAP="$heap" bin/kc.sh build "${build_options[@]}") \
    >"$dir/build.log" 2>&1 || fail "kc.sh build failed; see $dir/build.log"
  echo "${build_options[*]}" >"$base/.built"
}

prepare_database() {
  command -v psql >/dev/null 2>&1 || fail "psql is needed to create the database (apt-get install postgresql-client)"
  local psql=(psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -v ON_ERROR_STOP=1 -qAt)
  if [[ "${1:-}" == "--fresh" ]]; then
    for node in "${nodes[@]}"; do
      our_pid "$node" >/dev/null && fail "$node is running: ./run-cluster.sh stop before start --fresh"
    done
    say "dropping database $db_name"
    PGPASSWORD="$db_password" "${psql[@]}" -c "DROP DATABASE IF EXISTS $db_name WITH (FORCE)"
  fi
  if [[ "$(PGPASSWORD="$db_password" "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db_name'")" != 1 ]]; then
    say "creating database $db_name"
    PGPASSWORD="$db_password" "${psql[@]}" -c "CREATE DATABASE $db_name"
  fi
}

# The realm export with the demo application's client (realm-export/demo/gfmis-demo-client.json, as
# ./run-demo.sh adds it; the load test signs in through it) and the realm's SMTP server pointed at
# this cluster's mail server.
realm_import() {
  local import="$1/data/import"
  command -v jq >/dev/null 2>&1 || fail "jq is needed to prepare the realm import (apt-get install jq)"
  rm -rf "$import" && mkdir -p "$import"
  jq --slurpfile demo realm-export/demo/gfmis-demo-client.json --arg host "$smtp_host" --arg port "$smtp_port" \
    '.clients += $demo[0].clients | .smtpServer.host = $host | .smtpServer.port = $port' \
    realm-export/gfmis-realm.json >"$import/gfmis-realm.json" || fail "cannot prepare the realm import"
}

cid_hash_key() {
  if [[ -n "${CLUSTER_CID_HASH_KEY:-}" ]]; then
    echo "$CLUSTER_CID_HASH_KEY"
    return
  fi
  [[ -f "$dir/cid-hash-key" ]] || (umask 077 && openssl rand -base64 32 >"$dir/cid-hash-key")
  cat "$dir/cid-hash-key"
}

start_node() {
  local node="$1" home="$dir/$1" import=()
  if our_pid "$node" >/dev/null; then
    say "$node is already running"
    return
  fi
  for port in "${http_port[$node]}" "${mgmt_port[$node]}" "${jgroups_port[$node]}"; do
    port_busy "$port" && fail "port $port (for $node) is already in use on 127.0.0.1"
  done
  # Each node has its own copy of the built server: its own data/ (transaction logs, temp files).
  if [[ ! -d "$home" || "$dir/keycloak-$kc_version/.built" -nt "$home/.copied" ]]; then
    rm -rf "$home"
    cp -a "$dir/keycloak-$kc_version" "$home"
    touch "$home/.copied"
  fi
  if [[ "$node" == node1 ]]; then
    realm_import "$home"
    import=(--import-realm)
  fi
  say "starting $node on http://127.0.0.1:${http_port[$node]} (log: $dir/$node.log)"
  (
    cd "$home"
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
    export KC_DB_URL="jdbc:postgresql://$db_host:$db_port/$db_name" KC_DB_USERNAME="$db_user" KC_DB_PASSWORD="$db_password"
    export KC_SPI_GFMIS_CITIZEN_ID__DEFAULT__HASH_KEY="$(cid_hash_key)"
    export JAVA_OPTS_KC_HEAP="$heap"
    exec setsid "${pinned[@]}" "$home/bin/kc.sh" start --optimized "${import[@]}" \
      --http-enabled=true --http-host=127.0.0.1 --http-port="${http_port[$node]}" \
      --http-management-port="${mgmt_port[$node]}" --http-management-host=127.0.0.1 \
      --hostname-strict=false --proxy-headers=xforwarded \
      --cache-embedded-network-bind-address=127.0.0.1 \
      --cache-embedded-network-bind-port="${jgroups_port[$node]}" \
      --spi-gfmis-softtoken-push--web-push--hosts=127.0.0.1 \
      --spi-gfmis-softtoken-push--web-push--allow-http=true \
      </dev/null >>"$dir/$node.log" 2>&1
  ) &
  echo $! >"$dir/$node.pid"
}

await_ready() {
  local node="$1" deadline=$((SECONDS + ${CLUSTER_START_TIMEOUT:-300}))
  until ready "$node"; do
    # Alive, not "ours" by command line: right after start_node the subshell may not yet have
    # exec'd kc.sh, so its command line is still this script's.
    alive "$node" || fail "$node stopped while starting; last lines of $dir/$node.log:
$(tail -n 30 "$dir/$node.log")"
    ((SECONDS < deadline)) || fail "$node not ready after ${CLUSTER_START_TIMEOUT:-300} s; see $dir/$node.log"
    sleep 2
  done
  say "$node ready"
}

start_balancer() {
  if our_pid haproxy >/dev/null; then
    return
  fi
  command -v haproxy >/dev/null 2>&1 || fail "haproxy is needed (apt-get install haproxy)"
  port_busy "$lb_port" && fail "port $lb_port (load balancer) is already in use on 127.0.0.1"
  export GFMIS_LB_HOST=127.0.0.1 GFMIS_LB_PORT="$lb_port"
  export GFMIS_NODE1_ADDR="127.0.0.1:${http_port[node1]}"
  export GFMIS_NODE2_ADDR="127.0.0.1:${http_port[node2]}"
  haproxy -c -q -f "$root/cluster/haproxy.cfg" || fail "cluster/haproxy.cfg is not valid"
  setsid "${pinned[@]}" haproxy -db -f "$root/cluster/haproxy.cfg" </dev/null >>"$dir/haproxy.log" 2>&1 &
  echo $! >"$dir/haproxy.pid"
  say "load balancer on http://127.0.0.1:$lb_port (log: $dir/haproxy.log)"
}

stop_one() {
  local name="$1" pid
  if pid="$(our_pid "$name")"; then
    # Each process was started with setsid: its group is the script's start script and the JVM it
    # runs, nothing else.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 1
    done
    kill -0 -- "-$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
    say "stopped $name"
  fi
  rm -f "$dir/$name.pid"
}

status() {
  local pid
  for node in "${nodes[@]}"; do
    if pid="$(our_pid "$node")"; then
      if ready "$node"; then state=ready; else state=starting; fi
      echo "$node  pid $pid  http://127.0.0.1:${http_port[$node]}  $state"
    else
      echo "$node  not running"
    fi
  done
  if pid="$(our_pid haproxy)"; then
    echo "haproxy  pid $pid  http://127.0.0.1:$lb_port"
  else
    echo "haproxy  not running"
  fi
}

case "${1:-}" in
  start)
    prepare_server
    prepare_database "${2:-}"
    start_node node1
    await_ready node1
    start_node node2
    await_ready node2
    start_balancer
    cat <<INFO

GFMIS sign-in cluster (Keycloak $kc_version, production mode, database $db_name):
  Load balancer   http://127.0.0.1:$lb_port/realms/gfmis/account
  node1           http://127.0.0.1:${http_port[node1]}
  node2           http://127.0.0.1:${http_port[node2]}
  Admin console   http://127.0.0.1:$lb_port/admin  (admin / admin)
  Realm e-mail    SMTP $smtp_host:$smtp_port
Stop with: ./run-cluster.sh stop
INFO
    ;;
  stop)
    stop_one haproxy
    for node in node2 node1; do stop_one "$node"; done
    ;;
  status)
    status
    ;;
  kill)
    [[ "${2:-}" == node1 || "${2:-}" == node2 ]] || fail "kill node1|node2"
    pid="$(our_pid "$2")" || fail "$2 is not running"
    kill -KILL -- "-$pid"
    rm -f "$dir/$2.pid"
    say "killed $2 (pid $pid) with SIGKILL"
    ;;
  restart)
    [[ "${2:-}" == node1 || "${2:-}" == node2 ]] || fail "restart node1|node2"
    stop_one "$2"
    start_node "$2"
    await_ready "$2"
    ;;
  *)
    sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
    [[ "${1:-}" == --help || "${1:-}" == -h ]] || exit 2
    ;;
esac
