# Sourced by bin/run, bin/train-aot and bench/run: where the AOT cache of a jar lives and whether
# it still matches the jar. The JVM itself refuses a cache whose jar changed size or modification
# time (and one from another JVM build); it then starts without it, printing a warning. The key
# below records exactly those facts, so a stale cache is detected with one stat, before the JVM.

# The cache beside the jar: bootstrap/target/todo.jar -> bootstrap/target/todo.aot
todo_aot_cache() {
  local jar="$1"
  echo "${jar%.jar}.aot"
}

# What the cache depends on: the jar's path, size and modification time, and the JDK build that
# runs it (JAVA_HOME as set by bin/jdk.sh).
todo_aot_key() {
  local jar="$1"
  echo "$(realpath "$jar") $(stat -c '%s %Y' "$jar")" \
    "$(grep -h '^JAVA_RUNTIME_VERSION=' "$JAVA_HOME/release" 2>/dev/null || echo "$JAVA_HOME")"
}

# Prints the JVM options that use the jar's cache when it matches; nothing when it does not.
todo_aot_options() {
  local jar="$1" cache
  cache="$(todo_aot_cache "$jar")"
  if [ -f "$cache" ] && [ -f "$cache.key" ] && [ "$(cat "$cache.key")" = "$(todo_aot_key "$jar")" ]; then
    echo "-XX:AOTCache=$cache"
  fi
}

# A free TCP port on loopback (asks the kernel).
todo_free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
  else
    node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
  fi
}

# Succeeds when the jar exists and no source of any module (poms, src/, the frontend's files)
# is newer than it: then nothing needs building.
todo_jar_fresh() {
  local jar="$1" newer
  [ -f "$jar" ] || return 1
  newer="$(find pom.xml ./*/pom.xml ./*/src frontend -newer "$jar" -type f \
    -not -path '*/node_modules/*' -not -path '*/target/*' -not -path '*/test-results/*' \
    -print -quit 2>/dev/null)"
  [ -z "$newer" ]
}
