# syntax=docker/dockerfile:1
# The backend as a GraalVM native image: mostly static (everything linked in except glibc), on a
# distroless glibc base. Not fully static (musl): sqlite-jdbc extracts and dlopen()s its native
# SQLite library at run time, and a fully static executable cannot load shared libraries.
# Build from the repository root:
#   docker build -f infra/docker/native.Dockerfile -t todo:native .
# Not built on the development machines (no Docker engine, no GraalVM there): see infra/README.md.

# --- 1. jar, then native executable ---
FROM ghcr.io/graalvm/native-image-community:25.0.2-ol9 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl bootstrap -am
# Reachability metadata: the libraries' own (META-INF/native-image in micronaut, sqlite-jdbc with its
# SqliteJdbcFeature, netty, google-cloud) plus ours in infra/docker/native-image (logback/logstash
# classes named in logback.xml, resources: configuration, migrations, the browser app).
RUN native-image \
      --no-fallback \
      --static-nolibc \
      -march=compatibility \
      -H:ConfigurationFileDirectories=infra/docker/native-image \
      -H:+ReportExceptionStackTraces \
      -jar bootstrap/target/todo.jar \
      -o /tmp/todo

# --- 2. Litestream binary ---
FROM litestream/litestream:0.5.16@sha256:837279d1279a90d670c915ddbb641b6e7b98bc42cc4dfb040eb569ee931078a1 AS litestream

# --- 3. runtime: glibc, CA certificates, no shell, no package manager ---
# Distroless publishes no version tags: pinned by digest (the Debian 13 nonroot image of 2026-08).
FROM gcr.io/distroless/base-nossl-debian13:nonroot@sha256:5cab74e7f8a5e7c5f1c8a9e6268b1f352f053c36c656f493308340bcecbc636c
COPY --from=litestream /usr/local/bin/litestream /usr/local/bin/litestream
COPY infra/litestream/litestream.yml /etc/litestream.yml
COPY --from=build /tmp/todo /app/todo
ENV TODO_DATABASE_FILE=/data/todo.db \
    TODO_DATABASE_URL=jdbc:sqlite:/data/todo.db \
    TODO_LITESTREAM_CONFIG=/etc/litestream.yml \
    TODO_LOG_FORMAT=json
# The nonroot user of distroless (uid 65532). /data is Cloud Run's in-memory volume mount.
USER 65532:65532
WORKDIR /app
EXPOSE 8080
# The service runs Litestream itself, inside its writer lease (see jvm.Dockerfile); no shell needed.
ENTRYPOINT ["/app/todo"]
