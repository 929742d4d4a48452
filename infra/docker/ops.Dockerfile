# syntax=docker/dockerfile:1
# The scheduled jobs (infra/terraform/jobs.tf): the daily backup (Litestream restore + sqlite3 check,
# infra/backup) and the hourly JWKS check (infra/jwks, Node). Build from the repository root:
#   docker build -f infra/docker/ops.Dockerfile -t todo-ops .
FROM litestream/litestream:0.5.16@sha256:837279d1279a90d670c915ddbb641b6e7b98bc42cc4dfb040eb569ee931078a1 AS litestream

FROM node:22.22.0-alpine3.23
# sqlite ≥ 3.43: the schema's FTS5 table uses contentless_delete, which older sqlite3 cannot read.
RUN apk add --no-cache sqlite
COPY --from=litestream /usr/local/bin/litestream /usr/local/bin/litestream
COPY infra/litestream/litestream.yml /etc/litestream.yml
COPY infra/backup/ /opt/todo/backup/
COPY infra/jwks/ /opt/todo/jwks/
# The same names the backend uses: Litestream's config keys the replica by the database path.
ENV TODO_DATABASE_FILE=/data/todo.db \
    TODO_LITESTREAM_CONFIG=/etc/litestream.yml
USER 1000:1000
ENTRYPOINT ["/opt/todo/backup/backup.sh"]
