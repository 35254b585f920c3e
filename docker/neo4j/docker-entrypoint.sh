#!/bin/bash
# argmap/neo4j entrypoint: the official Neo4j image's contract, over Maven Central's jars.
#
#   NEO4J_AUTH=neo4j/<password>   initial password of `neo4j` (set once, on an empty /data;
#                                 8 characters at least; `neo4j/<password>/true` also makes
#                                 the user change it at first login)
#   NEO4J_AUTH=none               authentication off
#   NEO4J_AUTH_PATH=<file>        the same value, read from a file (a Docker secret)
#   NEO4J_<setting>=<value>       any neo4j.conf setting: NEO4J_ dropped, `_` -> `.`, `__` -> `_`
#                                 (NEO4J_server_memory_pagecache_size=1G ->
#                                  server.memory.pagecache.size=1G), as the official image does
#   /conf/neo4j.conf              a mounted conf replaces the image's defaults (env still wins)
#
# Heap: server.memory.heap.initial_size / max_size become -Xms / -Xmx (the job of Neo4j's
# bootloader, which is not among the jars); without them the JVM sizes the heap itself.
# server.jvm.additional lines are passed to the JVM too. Neo4j's own log (neo4j.log) goes to
# stdout as well as /logs: it ends a start with "Remote interface available at ..." and
# "Started.". Any other command (`docker run ... bash`) runs as is.
set -euo pipefail

if [[ $# -gt 0 && "$1" != neo4j ]]; then
    exec "$@"
fi

NEO4J_HOME=${NEO4J_HOME:-/var/lib/neo4j}
conf_dir="$NEO4J_HOME/conf"
conf="$conf_dir/neo4j.conf"
lib="$NEO4J_HOME/lib"

say() { printf '%s INFO  [argmap/neo4j] %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S.%3N+0000')" "$*"; }
die() {
    printf '%s ERROR [argmap/neo4j] %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S.%3N+0000')" "$*" >&2
    exit 1
}

# -- neo4j.conf: defaults, then the environment on top ------------------------------------------

if [[ -f /conf/neo4j.conf ]]; then
    cp /conf/neo4j.conf "$conf"
else
    cp "$NEO4J_HOME/conf.default/neo4j.conf" "$conf"
fi

# Set one setting: drop its earlier lines, append the new one (values with newlines: one line each,
# for list settings such as server.jvm.additional).
set_setting() {
    local key="$1" value="$2" rest
    rest=$(awk -v prefix="$key=" 'index($0, prefix) != 1' "$conf")
    printf '%s\n' "$rest" > "$conf"
    while IFS= read -r line; do
        printf '%s=%s\n' "$key" "$line" >> "$conf"
    done <<< "$value"
}

# The value of a setting in the written conf (its last line wins), or $2.
get_setting() {
    local value
    value=$(awk -v prefix="$1=" 'index($0, prefix) == 1 { v = substr($0, length(prefix) + 1) } END { print v }' "$conf")
    printf '%s' "${value:-${2:-}}"
}

# Variables that configure the image itself, never neo4j.conf (as in the official image).
reserved=" NEO4J_AUTH NEO4J_AUTH_PATH NEO4J_HOME NEO4J_VERSION NEO4J_EDITION NEO4J_CONF NEO4J_DEBUG \
NEO4J_ACCEPT_LICENSE_AGREEMENT NEO4J_PLUGINS NEO4J_SHA256 NEO4J_TARBALL NEO4J_URI NEO4J_USER \
NEO4J_USERNAME NEO4J_PASSWORD "
while IFS= read -r name; do
    if [[ "$reserved" == *" $name "* ]]; then continue; fi
    value="${!name}"
    if [[ -z "$value" ]]; then continue; fi
    setting="${name#NEO4J_}"
    setting="${setting//_/.}"
    setting="${setting//../_}"
    if [[ "$setting" =~ ^[0-9] ]]; then
        say "WARNING: $name not written to neo4j.conf: a setting cannot start with a digit"
        continue
    fi
    set_setting "$setting" "$value"
done < <(compgen -e | grep '^NEO4J_' | sort)

# -- NEO4J_AUTH -------------------------------------------------------------------------------

auth="${NEO4J_AUTH:-}"
if [[ -n "${NEO4J_AUTH_PATH:-}" ]]; then
    [[ -r "$NEO4J_AUTH_PATH" ]] || die "NEO4J_AUTH_PATH: cannot read $NEO4J_AUTH_PATH"
    auth=$(< "$NEO4J_AUTH_PATH")
fi

data_dir=$(get_setting server.directories.data /data)
admin_tool() {
    NEO4J_CONF="$conf_dir" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m \
        -cp "$lib/*" org.neo4j.cli.AdminTool "$@"
}

if [[ -z "$auth" ]]; then
    auth_note="default (neo4j/neo4j, change at first login)"
elif [[ "$auth" == none ]]; then
    set_setting dbms.security.auth_enabled false
    auth_note="disabled (NEO4J_AUTH=none)"
elif [[ "$auth" =~ ^([^/]+)/([^/]+)(/([tT][rR][uU][eE]))?$ ]]; then
    user="${BASH_REMATCH[1]}" password="${BASH_REMATCH[2]}" reset="${BASH_REMATCH[4]}"
    [[ "$user" == neo4j ]] || die "NEO4J_AUTH: the user must be neo4j, not '$user'"
    [[ "$password" != neo4j ]] || die "NEO4J_AUTH: the password cannot be 'neo4j'; choose another"
    set_setting dbms.security.auth_enabled true
    if [[ -d "$data_dir/databases/system" ]]; then
        # Neo4j reads an initial password only when it creates the system database.
        auth_note="enabled; users kept from the existing $data_dir (NEO4J_AUTH applies to a new one)"
    else
        extra=()
        if [[ -n "$reset" ]]; then extra=(--require-password-change); fi
        if ! out=$(admin_tool dbms set-initial-password "${extra[@]}" "$password" 2>&1); then
            die "NEO4J_AUTH: could not set the initial password: $(tail -n 3 <<< "$out")"
        fi
        auth_note="enabled; initial password of neo4j set from NEO4J_AUTH"
    fi
else
    die "NEO4J_AUTH must be none or neo4j/<password>[/true], got something else"
fi

# -- the JVM ----------------------------------------------------------------------------------

# What Neo4j's bootloader passes on Java 17 (as argmap's neo4j-local does).
jvm_opts=(
    -XX:+UseG1GC
    -XX:-OmitStackTraceInFastThrow
    -XX:+UnlockExperimentalVMOptions
    -XX:+TrustFinalNonStaticFields
    -XX:+DisableExplicitGC
    -XX:+ExitOnOutOfMemoryError
    -Djdk.nio.maxCachedBufferSize=1024
    -Dio.netty.tryReflectionSetAccessible=true
    -Dlog4j2.disable.jmx=true
    -Dfile.encoding=UTF-8
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --enable-native-access=ALL-UNNAMED
)
# Neo4j sizes like 512m, 1G, 2GiB, 1024MB -> the JVM's 512m, 1G, 2G, 1024M.
jvm_size() { local v="${1%[bB]}"; v="${v%[iI]}"; printf '%s' "$v"; }
heap_initial=$(get_setting server.memory.heap.initial_size)
heap_max=$(get_setting server.memory.heap.max_size)
if [[ -n "$heap_initial" ]]; then jvm_opts+=("-Xms$(jvm_size "$heap_initial")"); fi
if [[ -n "$heap_max" ]]; then jvm_opts+=("-Xmx$(jvm_size "$heap_max")"); fi
while IFS= read -r opt; do
    if [[ -n "$opt" ]]; then jvm_opts+=("$opt"); fi
done < <(awk 'index($0, "server.jvm.additional=") == 1 { print substr($0, 23) }' "$conf")

say "Neo4j ${NEO4J_VERSION:-} Community (argmap/neo4j): auth $auth_note; data $data_dir;" \
    "bolt $(get_setting server.bolt.listen_address :7687), http $(get_setting server.http.listen_address :7474)" \
    "on $(get_setting server.default_listen_address 0.0.0.0); heap ${heap_max:-JVM default}"

# exec: the JVM is PID 1 and gets `docker stop`'s SIGTERM (Neo4j then shuts down cleanly).
# --console-mode keeps Neo4j's console appender: neo4j.log goes to stdout too.
exec java "${jvm_opts[@]}" -cp "$lib/*" org.neo4j.server.CommunityEntryPoint \
    --home-dir="$NEO4J_HOME" --config-dir="$conf_dir" --console-mode
