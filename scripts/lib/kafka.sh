# shellcheck shell=bash
# Apache Kafka 4.x, one node in KRaft mode (broker + controller), from Maven Central jars.
# Source after common.sh. Functions:
#   kafka_ensure         resolve the jars once into $TODO_CACHE/kafka-<version>/libs (and a JDK 17+, Maven)
#   kafka_start          write $RUN_DIR/kafka/server.properties, format storage once, start, wait until ready
#   kafka_create_topics  create the project's topics and their dead-letter topics (idempotent)
#   kafka_list_topics    print every topic with its partition count on stdout
#   kafka_is_up          true when our broker runs and accepts connections
#   kafka_stop           SIGTERM (controlled shutdown), SIGKILL after KAFKA_STOP_TIMEOUT seconds
# Tunables (environment): KAFKA_HEAP_OPTS, KAFKA_JVM_OPTS, KAFKA_LOG_LEVEL, KAFKA_START_TIMEOUT,
# KAFKA_STOP_TIMEOUT, KAFKA_VERSION (default: the one pinned in tools/kafka/pom.xml).

KAFKA_POM="$ROOT/tools/kafka/pom.xml"
KAFKA_VERSION="${KAFKA_VERSION:-$(sed -n 's:.*<kafka\.version>\(.*\)</kafka\.version>.*:\1:p' "$KAFKA_POM" | head -n 1)}"
KAFKA_LIBS="$TODO_CACHE/kafka-$KAFKA_VERSION/libs"
KAFKA_RUN="$RUN_DIR/kafka"
KAFKA_DATA="$KAFKA_RUN/data"
KAFKA_PIDFILE="$KAFKA_RUN/kafka.pid"
KAFKA_LOG="$RUN_DIR/logs/kafka.log"
# shellcheck disable=SC2153 # KAFKA_PORT comes from common.sh
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
# Topics the services use (3 partitions, keyed by user id); each gets <topic>-dlq with 1 partition.
KAFKA_APP_TOPICS=(task-events task-updates reminders task-commands user-events)
KAFKA_APP_PARTITIONS=3
KAFKA_DLQ_PARTITIONS=1
KAFKA_JAVA="${KAFKA_JAVA:-java}"
export KAFKA_VERSION KAFKA_LIBS KAFKA_BOOTSTRAP

# Prints the Java feature version of $1 (17 for "17.0.15"), or nothing.
_kafka_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//; s/\..*//' | head -n 1
}

# Sets KAFKA_JAVA to a Java 17+ that has the jdk.compiler module (needed by the source launcher).
_kafka_ensure_java() {
  local major cand
  major="$(_kafka_java_major "$KAFKA_JAVA" 2>/dev/null)"
  if [ -z "$major" ] || ((major < 17)); then
    apt_install openjdk-17-jre-headless || die "could not install openjdk-17-jre-headless"
    for cand in java /usr/lib/jvm/java-17-openjdk-*/bin/java; do
      major="$(_kafka_java_major "$cand" 2>/dev/null)"
      if [ -n "$major" ] && ((major >= 17)); then KAFKA_JAVA="$cand"; break; fi
    done
    if [ -z "$major" ] || ((major < 17)); then
      die "no Java 17+ found after installing openjdk-17-jre-headless"
    fi
  fi
  if ! "$KAFKA_JAVA" --list-modules 2>/dev/null | grep -q '^jdk\.compiler@'; then
    # Debian's jre-headless ships every module; other JREs may lack the compiler.
    apt_install openjdk-17-jdk-headless || die "$KAFKA_JAVA lacks jdk.compiler and openjdk-17-jdk-headless failed to install"
  fi
  export KAFKA_JAVA
}

# kafka_ensure: jars resolved once per (Kafka version, pom.xml content); Maven's ~/.m2 caches downloads.
kafka_ensure() {
  _kafka_ensure_java
  [ -n "$KAFKA_VERSION" ] || die "cannot read <kafka.version> from $KAFKA_POM"
  local stamp marker="$KAFKA_LIBS/.complete"
  stamp="kafka=$KAFKA_VERSION pom=$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)"
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$stamp" ]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || apt_install maven || die "could not install maven"
  local tmp="$KAFKA_LIBS.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  log "resolving Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIBS"
  local out
  # Output is shown only on failure (Maven 3.8 prints stray ANSI resets even in batch mode).
  if ! out="$(mvn -B -q -Dstyle.color=never -f "$KAFKA_POM" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1)"; then
    printf '%s\n' "$out" >&2
    rm -rf "$tmp"
    die "mvn could not resolve the Kafka $KAFKA_VERSION jars (see the output above)"
  fi
  if [ ! -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ] || [ ! -f "$tmp/kafka-clients-$KAFKA_VERSION.jar" ]; then
    rm -rf "$tmp"
    die "Kafka jars missing after mvn dependency:copy-dependencies into $tmp"
  fi
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  printf '%s\n' "$stamp" >"$marker"
  log "Kafka jars ready: $(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars, $(du -sh "$KAFKA_LIBS" | cut -f1)"
}

# True when PID is a live (non-zombie) process.
_kafka_alive() {
  [ -n "$1" ] && [ -r "/proc/$1/status" ] &&
    ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# Prints the pid of our broker when it runs (pid file + a live kafka.Kafka process).
_kafka_pid() {
  local pid
  [ -f "$KAFKA_PIDFILE" ] || return 1
  pid="$(cat "$KAFKA_PIDFILE" 2>/dev/null)"
  _kafka_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  printf '%s\n' "$pid"
}

_kafka_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

kafka_is_up() {
  _kafka_pid >/dev/null && _kafka_port_open "$KAFKA_PORT"
}

_kafka_write_config() {
  mkdir -p "$KAFKA_RUN" "$KAFKA_DATA"
  cat >"$KAFKA_RUN/server.properties" <<EOF
# Generated by scripts/lib/kafka.sh (kafka_start); rewritten at every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=$KAFKA_APP_PARTITIONS
default.replication.factor=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
EOF
}

# Runs a short-lived Kafka client/tool JVM (fast start, small heap).
_kafka_tool_java() {
  "$KAFKA_JAVA" -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.showDateTime=true \
    -cp "$KAFKA_LIBS/*" "$@"
}

# A Kafka Uuid: 16 random bytes, base64url without padding, as `kafka-storage random-uuid` prints.
# Like Kafka's Uuid.randomUuid, never one that starts with '-': one id in 64 would, and command-line
# parsers (kafka-storage's among them) take such a word for an option.
kafka_random_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    [ "${id:0:1}" != "-" ] && break
  done
  printf '%s\n' "$id"
}

# kafka_format_storage CONFIG CLUSTER_ID: formats the log dirs CONFIG names (KRaft, standalone).
kafka_format_storage() {
  # `--cluster-id=ID` in one word: argparse4j reads a separate word that starts with '-' as an option.
  _kafka_tool_java kafka.tools.StorageTool format --config "$1" "--cluster-id=$2" --ignore-formatted
}

kafka_start() {
  kafka_ensure
  local pid
  if pid="$(_kafka_pid)"; then
    wait_until "${KAFKA_START_TIMEOUT:-90}" "Kafka (pid $pid) to accept connections on $KAFKA_BOOTSTRAP" \
      _kafka_port_open "$KAFKA_PORT" || die "Kafka pid $pid runs but does not accept connections; see $KAFKA_LOG"
    log "Kafka already running (pid $pid, $KAFKA_BOOTSTRAP)"
    return 0
  fi
  rm -f "$KAFKA_PIDFILE"
  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    _kafka_port_open "$port" && die "port $port is taken by another process (another Kafka?); set TODO_KAFKA_PORT/TODO_KAFKA_CONTROLLER_PORT or stop it"
  done
  mkdir -p "$RUN_DIR/logs"
  _kafka_write_config

  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    local cluster_id
    cluster_id="$(kafka_random_cluster_id)"
    log "formatting Kafka storage in $KAFKA_DATA (cluster id $cluster_id)"
    kafka_format_storage "$KAFKA_RUN/server.properties" "$cluster_id" >>"$KAFKA_LOG" 2>&1 ||
      die "kafka storage format failed; see $KAFKA_LOG"
  fi

  local -a jvm
  # Heap and GC as in Kafka's kafka-run-class.sh / kafka-server-start.sh, with a smaller heap.
  read -r -a jvm <<<"${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} ${KAFKA_JVM_OPTS:-}"
  jvm+=(
    -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true
    -Dorg.slf4j.simpleLogger.defaultLogLevel="${KAFKA_LOG_LEVEL:-info}"
    -Dorg.slf4j.simpleLogger.showDateTime=true
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX"
    -Dorg.slf4j.simpleLogger.showThreadName=false
    -Dorg.slf4j.simpleLogger.levelInBrackets=true
    -Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig=warn
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_RUN/server.properties"
  )
  local log_start
  log_start=$(($(stat -c %s "$KAFKA_LOG" 2>/dev/null || echo 0) + 1))
  log "starting Kafka $KAFKA_VERSION on $KAFKA_BOOTSTRAP (controller 127.0.0.1:$KAFKA_CONTROLLER_PORT), log $KAFKA_LOG"
  # Double fork + own session: the broker is re-parented to init, keeps none of this shell's
  # descriptors (so `$(kafka_start)` or a pipe does not hang) and ignores its Ctrl-C. The inner
  # shell writes its own pid and then becomes the JVM (exec), so the pid file is exact.
  (
    cd "$KAFKA_RUN" || exit 1
    # shellcheck disable=SC2016 # $$ and $1 are expanded by the inner shell
    setsid bash -c 'echo $$ >"$1"; shift
      for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done
      exec "$@"' kafka-start "$KAFKA_PIDFILE" \
      "$KAFKA_JAVA" "${jvm[@]}" </dev/null >>"$KAFKA_LOG" 2>&1 &
  )

  local deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
  until [ -s "$KAFKA_PIDFILE" ] && pid="$(cat "$KAFKA_PIDFILE")" &&
    tail -c "+$log_start" "$KAFKA_LOG" | grep -q 'Kafka Server started' &&
    _kafka_port_open "$KAFKA_PORT"; do
    if [ -s "$KAFKA_PIDFILE" ] && ! _kafka_alive "$(cat "$KAFKA_PIDFILE")"; then
      tail -n 30 "$KAFKA_LOG" >&2
      die "Kafka exited during start-up; see $KAFKA_LOG"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$KAFKA_LOG" >&2
      die "Kafka not ready after ${KAFKA_START_TIMEOUT:-90}s; see $KAFKA_LOG"
    fi
    sleep 0.5
  done
  log "Kafka ready (pid $pid)"
}

# kafka_create_topics: the service topics (3 partitions), a 1-partition <topic>-dlq for each, and
# health-probes (1 partition). Existing topics are left unchanged. The resulting list goes to stderr.
kafka_create_topics() {
  kafka_ensure
  kafka_is_up || die "Kafka is not running on $KAFKA_BOOTSTRAP (run kafka_start first)"
  local t specs=()
  for t in "${KAFKA_APP_TOPICS[@]}"; do
    specs+=("$t:$KAFKA_APP_PARTITIONS:1" "$t-dlq:$KAFKA_DLQ_PARTITIONS:1")
  done
  specs+=("health-probes:1:1")
  _kafka_tool_java "$ROOT/tools/kafka/CreateTopics.java" --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --timeout-ms 60000 "${specs[@]}" >&2 || die "creating Kafka topics failed"
}

# kafka_list_topics: prints "name<TAB>partitions=N<TAB>replication-factor=R" for every topic.
kafka_list_topics() {
  kafka_ensure
  _kafka_tool_java "$ROOT/tools/kafka/CreateTopics.java" --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --timeout-ms 30000 --list
}

kafka_stop() {
  local pid
  if ! pid="$(_kafka_pid)"; then
    rm -f "$KAFKA_PIDFILE"
    log "Kafka is not running"
    return 0
  fi
  log "stopping Kafka (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + ${KAFKA_STOP_TIMEOUT:-30}))
  while _kafka_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      log "Kafka did not stop within ${KAFKA_STOP_TIMEOUT:-30}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.5
  done
  rm -f "$KAFKA_PIDFILE"
  log "Kafka stopped"
}
