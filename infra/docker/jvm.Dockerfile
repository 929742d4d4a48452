# syntax=docker/dockerfile:1
# The backend on the JVM: Maven build → AOT training on the exact jar → small non-root runtime.
# Build from the repository root:
#   docker build -f infra/docker/jvm.Dockerfile -t todo:jvm .
# Base images are pinned to exact versions; pin them by digest too (docker buildx imagetools
# inspect <image>) before a release. Not built on the development machines (no Docker engine there):
# see infra/README.md, "What was built and checked here".

# --- 1. build the shaded jar (tests run in CI, not here) ---
FROM eclipse-temurin:25.0.4_7-jdk-alpine-3.23 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl bootstrap -am \
 && cp bootstrap/target/todo.jar /tmp/todo.jar

# --- 2. the runtime base: the same JVM build trains and runs the AOT cache ---
FROM eclipse-temurin:25.0.4_7-jre-alpine-3.23 AS runtime-base
# The service's JVM flags (bin/jvm.options: native access, Serial GC, a fixed 64 MB heap, exit on OOM), used
# by the training run and the runtime alike: an AOT cache wants the same GC and flags.
COPY bin/jvm.options /app/jvm.options
RUN addgroup -S -g 10001 todo \
 && adduser -S -D -H -u 10001 -G todo todo \
 && mkdir -p /app /data \
 && chown todo:todo /data

# --- 3. train the AOT cache on the jar at its final path ---
FROM runtime-base AS train
# curl drives the training requests; this stage is discarded, the runtime image stays without it.
RUN apk add --no-cache curl
COPY --from=build /tmp/todo.jar /app/todo.jar
COPY infra/docker/train-aot.sh /app/train-aot.sh
RUN sh /app/train-aot.sh /app/todo.jar /app/todo.aot /app/jvm.options

# --- 4. Litestream binary (the service runs it: restore inside the lease, then replication) ---
FROM litestream/litestream:0.5.16@sha256:837279d1279a90d670c915ddbb641b6e7b98bc42cc4dfb040eb569ee931078a1 AS litestream

# --- 5. runtime ---
FROM runtime-base
COPY --from=litestream /usr/local/bin/litestream /usr/local/bin/litestream
COPY infra/litestream/litestream.yml /etc/litestream.yml
COPY --from=train /app/todo.jar /app/todo.jar
COPY --from=train /app/todo.aot /app/todo.aot
ENV TODO_DATABASE_FILE=/data/todo.db \
    TODO_DATABASE_URL=jdbc:sqlite:/data/todo.db \
    TODO_LITESTREAM_CONFIG=/etc/litestream.yml \
    TODO_LOG_FORMAT=json
USER 10001:10001
WORKDIR /app
EXPOSE 8080
# The service is PID 1 and runs Litestream itself, inside its writer lease: it restores the database
# once it holds the lease, replicates as a child process, and on SIGTERM stops taking writes, waits
# for Litestream's final sync and releases the lease. -XX:AOTMode=auto: a cache that does not match
# is ignored with a warning instead of failing the start (the training in this build makes that
# unexpected).
# --enable-native-access=ALL-UNNAMED is in jvm.options (sqlite-jdbc loads its native library).
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:AOTCache=/app/todo.aot", "-XX:AOTMode=auto", \
            "-Xlog:aot=warning", "-jar", "/app/todo.jar"]
