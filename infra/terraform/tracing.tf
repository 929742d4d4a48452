# Traces: the backend exports spans by OTLP/HTTP to 127.0.0.1:4318 (bootstrap's application-gcp.yml);
# an OpenTelemetry Collector sidecar in the same instance receives them and writes them to Cloud
# Trace. Its configuration is a Secret Manager secret mounted as a file, like the metrics sidecar's.

locals {
  # Docker Hub's otel/opentelemetry-collector-contrib through the Artifact Registry remote repository
  # (the one Kong comes through), by digest (infra/README.md, step 4).
  otel_collector_image = "${google_artifact_registry_repository.dockerhub.location}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.dockerhub.repository_id}/otel/opentelemetry-collector-contrib:${var.otel_collector_version}@${var.otel_collector_image_digest}"

  # Where the image reads its configuration by default; the secret volume is mounted here.
  otel_collector_config_dir = "/etc/otelcol-contrib"
  # The health_check extension: the collector's startup probe, which the backend waits for.
  otel_collector_health_port = 13133
  # The sidecar's memory; memory_limiter refuses data before the collector reaches it.
  otel_collector_memory_mib = 256
}

resource "google_secret_manager_secret" "otel_collector" {
  secret_id = "${var.name_prefix}-otel-collector"
  replication {
    auto {}
  }

  depends_on = [google_project_service.apis]
}

resource "google_secret_manager_secret_version" "otel_collector" {
  secret = google_secret_manager_secret.otel_collector.id
  secret_data = yamlencode({
    receivers = {
      # Loopback only: the backend is in the same instance; nothing else may send spans.
      otlp = { protocols = { http = { endpoint = "127.0.0.1:4318" } } }
    }
    processors = {
      # First in the pipeline: refuses spans (the SDK retries) before the sidecar runs out of memory.
      memory_limiter = {
        check_interval  = "1s"
        limit_mib       = floor(local.otel_collector_memory_mib * 0.8)
        spike_limit_mib = floor(local.otel_collector_memory_mib * 0.2)
      }
      batch = { timeout = "5s", send_batch_size = 200 }
    }
    exporters = {
      # Cloud Trace; the project comes from the metadata server, credentials are the backend's account.
      googlecloud = {}
    }
    extensions = {
      # Cloud Run probes the container from outside its loopback: listen on all interfaces. Only the
      # backend's port 8080 is reachable from outside the instance.
      health_check = { endpoint = "0.0.0.0:${local.otel_collector_health_port}" }
    }
    service = {
      extensions = ["health_check"]
      pipelines = {
        traces = {
          receivers  = ["otlp"]
          processors = ["memory_limiter", "batch"]
          exporters  = ["googlecloud"]
        }
      }
    }
  })
}

resource "google_secret_manager_secret_iam_member" "backend_reads_otel_collector" {
  secret_id = google_secret_manager_secret.otel_collector.id
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.backend.member
}

# Writing spans (cloudtrace.traces.patch) exists only at project level: Cloud Trace has no
# per-resource IAM. roles/cloudtrace.agent holds that permission and nothing to read traces.
resource "google_project_iam_member" "backend_writes_traces" {
  project = var.project_id
  role    = "roles/cloudtrace.agent"
  member  = google_service_account.backend.member
}
