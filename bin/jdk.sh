# Sourced by the project's scripts: exports JAVA_HOME as a JDK 25 or newer.
# Order: JAVA_HOME if it is one, else the newest under /usr/lib/jvm (Debian, Temurin packages).

todo_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

todo_find_jdk() {
  local wanted=25 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(todo_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge "$wanted" ]; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(todo_java_major "$candidate")
    if [ "${major:-0}" -ge "$wanted" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "error: this project needs a JDK $wanted or newer, and none was found in JAVA_HOME" \
      "(${JAVA_HOME:-unset}) or under /usr/lib/jvm." >&2
    echo "Install one (for example Eclipse Temurin 25: the temurin-25-jdk package from Adoptium's" \
      "Debian repository) or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

todo_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
