# The backend: the Java service, reachable only from inside the VPC (Kong), CPU always allocated.
# With var.database = "sqlite" (the default): exactly one instance, the database on an in-memory
# volume replicated to GCS by Litestream, which the service runs itself inside its writer lease
# (infra/litestream). With "cloudsql": PostgreSQL (cloudsql.tf), no volume, no Litestream, no lease,
# and up to var.backend_max_instances instances.

locals {
  database_dir  = "/data"
  database_file = "${local.database_dir}/todo.db"

  # The environment that differs by engine; everything else is the same in both variants. The
  # service picks its engine from TODO_DATABASE_URL; the lease and Litestream exist only on SQLite.
  # Lists, not maps: the order of a container's env is part of the revision, and the SQLite
  # variant keeps the order it always had (no new revision from this change).
  backend_database_env = {
    sqlite = [
      { name = "TODO_DATABASE_URL", value = "jdbc:sqlite:${local.database_file}" },
      { name = "TODO_DATABASE_FILE", value = local.database_file },
    ]
    cloudsql = [
      { name = "TODO_DATABASE_URL", value = local.cloudsql_jdbc_url },
    ]
  }
  backend_replica_env = {
    sqlite = [
      { name = "TODO_REPLICA_BUCKET", value = google_storage_bucket.replica.name },
      # The single-writer lease: an object in the replica bucket (lease/writer), renewed every
      # ttl/3; the database opens only once this instance holds it.
      { name = "TODO_LEASE_BUCKET", value = google_storage_bucket.replica.name },
      { name = "TODO_LEASE_TTL", value = "30s" },
    ]
    cloudsql = []
  }
}

resource "google_cloud_run_v2_service" "backend" {
  name                = "${var.name_prefix}-backend"
  location            = var.region
  description         = local.cloudsql ? "todo backend (PostgreSQL on Cloud SQL)" : "todo backend (single instance: SQLite)"
  ingress             = "INGRESS_TRAFFIC_INTERNAL_ONLY"
  launch_stage        = "GA"
  deletion_protection = var.deletion_protection

  # Invoker IAM stays on: only principals holding roles/run.invoker (Kong's service account, and the
  # trash-purge scheduler's, purge.tf) get in. The admin-by-subject rule relies on it.
  invoker_iam_disabled = false

  # One instance on SQLite (one writer process); PostgreSQL takes writes from many instances.
  # Service-level limits apply to all revisions together: on SQLite, during a rollout the old and
  # the new revision must not both run an instance. The revision-level limits below say the same per
  # revision. min 1 in both variants: no cold start on the first request.
  scaling {
    min_instance_count = 1
    max_instance_count = local.cloudsql ? var.backend_max_instances : 1
  }

  template {
    service_account                  = google_service_account.backend.email
    execution_environment            = "EXECUTION_ENVIRONMENT_GEN2"
    timeout                          = "60s"
    max_instance_request_concurrency = 80

    scaling {
      min_instance_count = 1
      max_instance_count = local.cloudsql ? var.backend_max_instances : 1
    }

    # Direct VPC egress for all traffic, like Kong: Cloud Storage and the Cloud SQL Admin API are
    # reached through Private Google Access, Cloud SQL's private address through the peering, and
    # nothing else is reachable (no Cloud NAT).
    vpc_access {
      egress = "ALL_TRAFFIC"
      network_interfaces {
        network    = google_compute_network.vpc.id
        subnetwork = google_compute_subnetwork.run.id
      }
    }

    containers {
      name  = "backend"
      image = var.backend_image
      # Starts once the collector's startup probe passes: the first spans find it listening.
      depends_on = ["collector"]

      ports {
        name           = "http1"
        container_port = 8080
      }

      resources {
        limits = {
          cpu    = var.backend_cpu
          memory = var.backend_memory
        }
        # CPU always allocated: on SQLite the lease is renewed and Litestream ships the WAL between
        # requests; on PostgreSQL the pool keeps its connections and the connector its certificate fresh.
        cpu_idle          = false
        startup_cpu_boost = true
      }

      dynamic "env" {
        for_each = local.backend_database_env[var.database]
        content {
          name  = env.value.name
          value = env.value.value
        }
      }
      env {
        name  = "TODO_ATTACHMENTS_BUCKET"
        value = google_storage_bucket.attachments.name
      }
      dynamic "env" {
        for_each = local.backend_replica_env[var.database]
        content {
          name  = env.value.name
          value = env.value.value
        }
      }
      env {
        # Production wiring: attachments and the lease must be in GCS, never on local disk.
        name  = "MICRONAUT_ENVIRONMENTS"
        value = "gcp"
      }
      env {
        name  = "TODO_OIDC_ISSUER"
        value = var.oidc_issuer
      }
      env {
        name  = "TODO_OIDC_CLIENT_ID"
        value = var.oidc_client_id
      }
      env {
        name  = "TODO_OIDC_SCOPE"
        value = var.oidc_scope
      }
      env {
        # The trash-purge scheduler's account (purge.tf) holds the admin role by its unique id, the
        # sub of its Google OIDC tokens (issuer https://accounts.google.com, the default of
        # TODO_AUTH_ADMIN_SUBJECTS_ISSUER). Those tokens reach the service only through the invoker
        # check above, which verifies them.
        name  = "TODO_AUTH_ADMIN_SUBJECTS"
        value = google_service_account.purge.unique_id
      }
      env {
        name  = "TODO_LOG_FORMAT"
        value = "json"
      }
      env {
        name  = "TODO_LOG_LEVEL"
        value = var.log_level
      }

      dynamic "volume_mounts" {
        for_each = local.sqlite ? [1] : []
        content {
          name       = "database"
          mount_path = local.database_dir
        }
      }

      # Startup (readiness): on SQLite the writer lease taken, the database restored from the replica
      # and its dependencies answering (/api/v1/health checks the database, storage and replication)
      # before traffic comes. A previous instance may hold the lease until it expires, so allow minutes.
      startup_probe {
        initial_delay_seconds = 0
        period_seconds        = 5
        timeout_seconds       = 3
        failure_threshold     = 48

        http_get {
          path = "/api/v1/health"
          port = 8080
        }
      }

      # Liveness: the process only (/api/v1/health/live checks no dependency). A storage outage
      # must not kill the only writer, least of all without its final sync; a hung JVM is
      # restarted after about a minute and a half.
      liveness_probe {
        initial_delay_seconds = 0
        period_seconds        = 30
        timeout_seconds       = 5
        failure_threshold     = 3

        http_get {
          path = "/api/v1/health/live"
          port = 8080
        }
      }
    }

    # Managed Service for Prometheus: scrapes var.metrics_path on the backend's port inside the
    # instance (the RunMonitoring document in monitoring.tf) and writes to Cloud Monitoring.
    containers {
      name       = "metrics"
      image      = var.prometheus_sidecar_image
      depends_on = ["backend"]

      resources {
        limits = {
          cpu    = "1"
          memory = "512Mi"
        }
        cpu_idle = false
      }

      volume_mounts {
        name       = "metrics-config"
        mount_path = "/etc/rungmp"
      }
    }

    # OpenTelemetry Collector (tracing.tf): receives the backend's spans by OTLP/HTTP on
    # 127.0.0.1:4318 and exports them to Cloud Trace. Fractional CPU is not allowed here (Cloud Run
    # allows below 1 vCPU only in the first generation, with concurrency 1 and request-based billing),
    # so it gets 1 vCPU and little memory.
    containers {
      name  = "collector"
      image = local.otel_collector_image
      args  = ["--config=${local.otel_collector_config_dir}/config.yaml"]

      resources {
        limits = {
          cpu    = "1"
          memory = "${local.otel_collector_memory_mib}Mi"
        }
        cpu_idle = false
      }

      volume_mounts {
        name       = "otel-collector-config"
        mount_path = local.otel_collector_config_dir
      }

      startup_probe {
        initial_delay_seconds = 0
        period_seconds        = 2
        timeout_seconds       = 1
        failure_threshold     = 30

        http_get {
          path = "/"
          port = local.otel_collector_health_port
        }
      }
    }

    volumes {
      name = "otel-collector-config"
      secret {
        secret = google_secret_manager_secret.otel_collector.secret_id
        items {
          version = google_secret_manager_secret_version.otel_collector.version
          path    = "config.yaml"
        }
      }
    }

    volumes {
      name = "metrics-config"
      secret {
        secret = google_secret_manager_secret.run_monitoring.secret_id
        items {
          version = google_secret_manager_secret_version.run_monitoring.version
          path    = "config.yaml"
        }
      }
    }

    # The SQLite file, its WAL and shared memory; counts against the container's memory.
    dynamic "volumes" {
      for_each = local.sqlite ? [1] : []
      content {
        name = "database"
        empty_dir {
          medium     = "MEMORY"
          size_limit = var.database_volume_size_limit
        }
      }
    }
  }

  traffic {
    type    = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST"
    percent = 100
  }

  # Releases deploy a new image by digest (infra/cloudbuild.yaml); var.backend_image is the first one.
  lifecycle {
    ignore_changes = [template[0].containers[0].image]
  }

  depends_on = [
    google_project_service.apis,
    google_storage_bucket_iam_member.backend_attachments,
    google_storage_bucket_iam_member.backend_replica,
    google_secret_manager_secret_iam_member.backend_reads_run_monitoring,
    google_secret_manager_secret_iam_member.backend_reads_otel_collector,
    # PostgreSQL only (empty with sqlite): the first instance can log in.
    google_sql_user.backend,
    google_sql_database.todo,
    google_project_iam_member.backend_cloudsql_client,
    google_project_iam_member.backend_cloudsql_instance_user,
  ]
}
