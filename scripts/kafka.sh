#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, combined broker+controller) for
# CivicFlow development and tests. No Docker: the broker jars come from Maven
# Central (scripts/kafka/pom.xml) and are cached in .cache/kafka/libs.
#
# Usage: scripts/kafka.sh start|stop|status|restart|kill9
#
#   start    fetch jars (once), format storage (once), start detached, wait
#            until serving. Idempotent: exits 0 if already serving.
#   stop     graceful SIGTERM, SIGKILL after KAFKA_STOP_TIMEOUT s. Idempotent.
#   status   exit 0 if serving, 1 otherwise.
#   restart  stop (if running) then start; data is kept.
#   kill9    SIGKILL the broker (crash simulation); data is kept.
#
# Environment (defaults):
#   KAFKA_PORT=9092             PLAINTEXT listener on 127.0.0.1
#   KAFKA_CONTROLLER_PORT=9093  KRaft controller listener on 127.0.0.1
#   KAFKA_HOME_DIR=<repo>/.cache/kafka   (data/, config/, logs/, kafka.log, kafka.pid)
#   KAFKA_LIBS_DIR=<repo>/.cache/kafka/libs  the jar cache (shared by every broker)
#   KAFKA_HEAP_OPTS="-Xms256m -Xmx512m"
#   KAFKA_JVM_OPTS=             extra JVM flags
#   KAFKA_EXTRA_CONFIG=         extra server.properties lines (newline separated)
#   KAFKA_START_TIMEOUT=120     seconds to wait for the broker to serve
#   KAFKA_STOP_TIMEOUT=30       seconds to wait after SIGTERM before SIGKILL
#   MAVEN_REPO_LOCAL=           local Maven repo for the jar fetch (default ~/.m2/repository)
#   JAVA_HOME                   if set, $JAVA_HOME/bin/java is used
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd -P)"
POM="$SCRIPT_DIR/kafka/pom.xml"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$REPO_ROOT/.cache/kafka}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:-}"
KAFKA_EXTRA_CONFIG="${KAFKA_EXTRA_CONFIG:-}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
MAVEN_REPO_LOCAL="${MAVEN_REPO_LOCAL:-}"

mkdir -p "$KAFKA_HOME_DIR"
KAFKA_HOME_DIR="$(cd "$KAFKA_HOME_DIR" && pwd -P)"
# Several brokers (e.g. a test's private one) can share one jar cache.
LIBS_DIR="${KAFKA_LIBS_DIR:-$REPO_ROOT/.cache/kafka/libs}"
DATA_DIR="$KAFKA_HOME_DIR/data"
CONF_DIR="$KAFKA_HOME_DIR/config"
LOGS_DIR="$KAFKA_HOME_DIR/logs"
SERVER_PROPS="$CONF_DIR/server.properties"
LOG4J_CONF="$CONF_DIR/log4j2.properties"
TOOLS_LOG4J_CONF="$CONF_DIR/tools-log4j2.properties"
PID_FILE="$KAFKA_HOME_DIR/kafka.pid"
LOG_FILE="$KAFKA_HOME_DIR/kafka.log"
LOCK_FILE="$KAFKA_HOME_DIR/.lock"
LIBS_STAMP="$LIBS_DIR/.fetched"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="java"
fi

log() { printf '[kafka] %s\n' "$*"; }
err() { printf '[kafka] ERROR: %s\n' "$*" >&2; }
die() { err "$*"; exit 1; }

usage() {
  cat >&2 <<EOF
Usage: $(basename "$0") start|stop|status|restart|kill9
  Single-node Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT (controller :$KAFKA_CONTROLLER_PORT)
  Home: $KAFKA_HOME_DIR
EOF
  exit 2
}

validate_port() {
  [[ "$2" =~ ^[0-9]+$ ]] && (( $2 > 0 && $2 < 65536 )) || die "$1 must be a TCP port number, got '$2'"
}

# ---------------------------------------------------------------- processes

# True if pid $1 is alive (zombies count as dead).
pid_alive() {
  local pid="$1" state
  [[ -n "$pid" && -d "/proc/$pid" ]] || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != "Z" && "$state" != "X" ]]
}

# True if pid $1 is *our* broker (kafka.Kafka with our server.properties).
pid_is_ours() {
  local pid="$1" cmd
  pid_alive "$pid" || return 1
  cmd="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)"
  [[ "$cmd" == *" kafka.Kafka $SERVER_PROPS"* ]]
}

# Print the pid of our running broker, or nothing. Cleans a stale pid file.
find_pid() {
  local pid="" p
  if [[ -f "$PID_FILE" ]]; then
    pid="$(tr -dc '0-9' 2>/dev/null <"$PID_FILE" || true)"
    if [[ -n "$pid" ]] && pid_is_ours "$pid"; then
      echo "$pid"; return 0
    fi
    rm -f "$PID_FILE"
  fi
  # Pid file lost: look for a broker started with our config anyway.
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    if pid_is_ours "$p"; then
      echo "$p" >"$PID_FILE"
      echo "$p"; return 0
    fi
  done
  return 0
}

port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

port_owner() {
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -1 || true
}

started_in_log() {
  [[ -f "$LOG_FILE" ]] && grep -q "Kafka Server started" "$LOG_FILE"
}

is_serving() {
  local pid
  pid="$(find_pid)"
  [[ -n "$pid" ]] && port_open "$KAFKA_PORT" && started_in_log
}

with_lock() {
  exec 9>"$LOCK_FILE"
  if ! flock -w 180 9; then
    die "another kafka.sh invocation holds $LOCK_FILE"
  fi
}

# ---------------------------------------------------------------- setup

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (need Java 17+; set JAVA_HOME)"
  local ver major
  ver="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1)"
  major="${ver%%.*}"
  [[ "$major" =~ ^[0-9]+$ ]] || die "cannot determine Java version from '$JAVA'"
  (( major >= 17 )) || die "Kafka 4.x broker needs Java 17+, found Java $ver ($JAVA)"
}

pom_hash() { sha256sum "$POM" | cut -d' ' -f1; }

fetch_libs() {
  local want
  want="$(pom_hash)"
  if [[ -f "$LIBS_STAMP" && "$(cat "$LIBS_STAMP")" == "$want" ]] && compgen -G "$LIBS_DIR/kafka_2.13-*.jar" >/dev/null; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: needed once to fetch the Kafka jars from Maven Central"
  log "fetching Kafka jars with Maven into $LIBS_DIR (first run only) ..."
  local tmp t0 mvn_args=(-q -B -f "$POM" dependency:copy-dependencies -DincludeScope=runtime)
  [[ -n "$MAVEN_REPO_LOCAL" ]] && mvn_args+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
  tmp="$KAFKA_HOME_DIR/libs.tmp.$$"
  rm -rf "$tmp"
  t0=$SECONDS
  if ! mvn "${mvn_args[@]}" "-DoutputDirectory=$tmp" >"$KAFKA_HOME_DIR/mvn-fetch.log" 2>&1; then
    rm -rf "$tmp"
    tail -n 40 "$KAFKA_HOME_DIR/mvn-fetch.log" >&2 || true
    die "Maven failed to fetch the Kafka jars (full output: $KAFKA_HOME_DIR/mvn-fetch.log)"
  fi
  compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || die "Maven fetch did not produce kafka_2.13 jar"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  echo "$want" >"$LIBS_STAMP"
  log "fetched $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars in $((SECONDS - t0))s"
}

write_configs() {
  mkdir -p "$CONF_DIR" "$DATA_DIR" "$LOGS_DIR"
  cat >"$SERVER_PROPS" <<EOF
# Generated by scripts/kafka.sh -- do not edit (regenerated on every start).
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT

log.dirs=$DATA_DIR
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
delete.topic.enable=true

# Single node: every internal topic has exactly one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

group.initial.rebalance.delay.ms=0
# Faster re-registration after a crash (kill9): the controller must first
# expire the dead incarnation's session (default 9 s).
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=6000
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
log.segment.bytes=1073741824
log.retention.check.interval.ms=60000
EOF
  if [[ -n "$KAFKA_EXTRA_CONFIG" ]]; then
    printf '\n# KAFKA_EXTRA_CONFIG\n%s\n' "$KAFKA_EXTRA_CONFIG" >>"$SERVER_PROPS"
  fi

  cat >"$LOG4J_CONF" <<EOF
# Generated by scripts/kafka.sh. Console -> kafka.log (current run),
# rolling file -> logs/server.log (kept across runs).
status = warn
name = civicflow-kafka

appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n

appender.server.type = RollingFile
appender.server.name = SERVER
appender.server.fileName = $LOGS_DIR/server.log
appender.server.filePattern = $LOGS_DIR/server.log.%i
appender.server.layout.type = PatternLayout
appender.server.layout.pattern = [%d] %p %m (%c)%n
appender.server.policies.type = Policies
appender.server.policies.size.type = SizeBasedTriggeringPolicy
appender.server.policies.size.size = 20MB
appender.server.strategy.type = DefaultRolloverStrategy
appender.server.strategy.max = 3

rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
rootLogger.appenderRef.server.ref = SERVER

logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = WARN
EOF

  # For CLI tools run against this broker (StorageTool here; also handy for
  # java -cp "$LIBS_DIR/*" -Dlog4j2.configurationFile=... TopicCommand ...).
  cat >"$TOOLS_LOG4J_CONF" <<EOF
status = warn
appender.console.type = Console
appender.console.name = STDERR
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
EOF
}

ensure_formatted() {
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    local prev
    prev="$(cat "$DATA_DIR/.controller-port" 2>/dev/null || true)"
    if [[ -n "$prev" && "$prev" != "$KAFKA_CONTROLLER_PORT" ]]; then
      err "storage was formatted with KAFKA_CONTROLLER_PORT=$prev but now $KAFKA_CONTROLLER_PORT;"
      die "use the same controller port or wipe $DATA_DIR"
    fi
    return 0
  fi
  local cp="$LIBS_DIR/*" cluster_id
  log "formatting storage in $DATA_DIR (first run) ..."
  cluster_id="$("$JAVA" -cp "$cp" -Dlog4j2.configurationFile="$TOOLS_LOG4J_CONF" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "StorageTool random-uuid returned '$cluster_id'"
  if ! "$JAVA" -cp "$cp" -Dlog4j2.configurationFile="$TOOLS_LOG4J_CONF" \
        kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$SERVER_PROPS" \
        >"$KAFKA_HOME_DIR/format.log" 2>&1; then
    cat "$KAFKA_HOME_DIR/format.log" >&2
    die "storage format failed"
  fi
  echo "$KAFKA_CONTROLLER_PORT" >"$DATA_DIR/.controller-port"
  log "formatted (cluster id $cluster_id)"
}

# ---------------------------------------------------------------- commands

wait_until_serving() {
  local pid="$1" deadline=$((SECONDS + KAFKA_START_TIMEOUT)) next_note=$((SECONDS + 10))
  while :; do
    if ! pid_alive "$pid"; then
      err "broker process $pid exited during startup; last log lines ($LOG_FILE):"
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      exit 1
    fi
    if started_in_log && port_open "$KAFKA_PORT"; then
      return 0
    fi
    if (( SECONDS >= deadline )); then
      err "broker (pid $pid) not serving on 127.0.0.1:$KAFKA_PORT after ${KAFKA_START_TIMEOUT}s; last log lines ($LOG_FILE):"
      tail -n 40 "$LOG_FILE" >&2 || true
      err "it is left running; use '$0 stop' or '$0 kill9'"
      exit 1
    fi
    if (( SECONDS >= next_note )); then
      log "still waiting ($((SECONDS - deadline + KAFKA_START_TIMEOUT))s) ..."
      next_note=$((SECONDS + 10))
    fi
    sleep 0.5
  done
}

cmd_start() {
  with_lock
  local pid t0=$SECONDS
  pid="$(find_pid)"
  if [[ -n "$pid" ]]; then
    if is_serving; then
      log "already running and serving on 127.0.0.1:$KAFKA_PORT (pid $pid)"
      return 0
    fi
    log "broker already starting (pid $pid); waiting for it ..."
    wait_until_serving "$pid"
    log "serving on 127.0.0.1:$KAFKA_PORT (pid $pid)"
    return 0
  fi

  local port owner
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$port"; then
      owner="$(port_owner "$port")"
      die "port 127.0.0.1:$port is already in use by another process${owner:+ ($owner)}; free it or set KAFKA_PORT/KAFKA_CONTROLLER_PORT"
    fi
  done

  check_java
  fetch_libs
  write_configs
  ensure_formatted

  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.prev"
  log "starting Kafka $(kafka_version) (KRaft broker+controller) on 127.0.0.1:$KAFKA_PORT ..."
  # shellcheck disable=SC2086
  local java_cmd=(
    "$JAVA" $KAFKA_HEAP_OPTS
    -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=$LOG4J_CONF" "-Dkafka.logs.dir=$LOGS_DIR"
    $KAFKA_JVM_OPTS
    -cp "$LIBS_DIR/*"
    kafka.Kafka "$SERVER_PROPS"
  )
  # New session (setsid) + nohup: survives the calling shell/terminal.
  # The inner shell records its own pid, then execs java (same pid).
  (
    cd "$KAFKA_HOME_DIR"
    nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" "${java_cmd[@]}" \
      >"$LOG_FILE" 2>&1 </dev/null 9>&- &
  )
  local i
  for i in $(seq 1 50); do
    [[ -s "$PID_FILE" ]] && break
    sleep 0.1
  done
  pid="$(tr -dc '0-9' 2>/dev/null <"$PID_FILE" || true)"
  [[ -n "$pid" ]] || die "failed to launch the broker (no pid written); see $LOG_FILE"
  log "pid $pid, log $LOG_FILE; waiting up to ${KAFKA_START_TIMEOUT}s for it to serve ..."
  wait_until_serving "$pid"
  log "serving on 127.0.0.1:$KAFKA_PORT (pid $pid) after $((SECONDS - t0))s"
}

cmd_stop() {
  with_lock
  local pid
  pid="$(find_pid)"
  if [[ -z "$pid" ]]; then
    log "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  log "stopping broker (pid $pid, SIGTERM) ..."
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while pid_alive "$pid" && (( SECONDS < deadline )); do
    sleep 0.5
  done
  if pid_alive "$pid"; then
    err "broker did not stop within ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_dead "$pid" 10
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

wait_dead() {
  local pid="$1" n=$(( $2 * 10 ))
  while pid_alive "$pid" && (( n-- > 0 )); do sleep 0.1; done
}

cmd_kill9() {
  with_lock
  local pid
  pid="$(find_pid)"
  if [[ -z "$pid" ]]; then
    log "not running"
    return 0
  fi
  log "killing broker (pid $pid, SIGKILL)"
  kill -KILL "$pid" 2>/dev/null || true
  wait_dead "$pid" 5   # only until the process is gone; no cleanup
  rm -f "$PID_FILE"
  log "killed"
}

cmd_status() {
  local pid
  pid="$(find_pid)"
  if [[ -n "$pid" ]]; then
    if is_serving; then
      log "running: serving on 127.0.0.1:$KAFKA_PORT (pid $pid)"
      return 0
    fi
    log "not serving: process $pid is alive but not (yet) serving on 127.0.0.1:$KAFKA_PORT"
    return 1
  fi
  if port_open "$KAFKA_PORT"; then
    log "not running: port $KAFKA_PORT is open but held by another process ($(port_owner "$KAFKA_PORT"))"
    return 1
  fi
  log "not running"
  return 1
}

kafka_version() {
  local j
  j="$(compgen -G "$LIBS_DIR/kafka_2.13-*.jar" | head -1 || true)"
  j="${j##*/kafka_2.13-}"
  echo "${j%.jar}"
}

validate_port KAFKA_PORT "$KAFKA_PORT"
validate_port KAFKA_CONTROLLER_PORT "$KAFKA_CONTROLLER_PORT"
[[ "$KAFKA_PORT" != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"

case "${1:-}" in
  start)   cmd_start ;;
  stop)    cmd_stop ;;
  status)  cmd_status ;;
  restart) cmd_stop; exec 9>&-; cmd_start ;;
  kill9)   cmd_kill9 ;;
  *)       usage ;;
esac
