# Observability: the backend's Prometheus metrics (scraped by the Managed Service for Prometheus
# sidecar, backend.tf), an uptime check through the whole chain, alert policies, a dashboard and a
# budget. Alerts go to var.alert_email.

locals {
  # The metric names the service exposes at var.metrics_path (Micrometer's Prometheus names). The
  # alerts and the dashboard read only these; infra/README.md ("Metrics") lists what each means.
  metrics = {
    http_requests     = "http_server_requests_seconds"           # histogram: _count, _bucket; labels status, uri
    write_queue_depth = "todo_sqlite_write_queue_depth"          # gauge: writes waiting for the single writer
    lease_failures    = "todo_lease_renewal_failures_total"      # counter
    replication_age   = "todo_replication_last_sync_age_seconds" # gauge: since Litestream's last sync
    db_pool_pending   = "hikaricp_connections_pending"           # gauge: threads waiting for a connection
  }

  backend_filter = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${google_cloud_run_v2_service.backend.name}\""

  # PromQL conditions on the service's metrics: name → [query, how long it must hold].
  promql_alerts = {
    error-rate = {
      title    = "Backend: more than 1 % of requests fail (5xx) for 5 minutes"
      query    = "sum(rate(${local.metrics.http_requests}_count{status=~\"5..\"}[5m])) / sum(rate(${local.metrics.http_requests}_count[5m])) > 0.01"
      duration = "300s"
    }
    latency-p95 = {
      title    = "Backend: p95 latency above 500 ms for 10 minutes"
      query    = "histogram_quantile(0.95, sum by (le) (rate(${local.metrics.http_requests}_bucket[5m]))) > 0.5"
      duration = "600s"
    }
    db-pool-exhausted = {
      title    = "Backend: requests wait for a database connection (pool exhausted) for 5 minutes"
      query    = "max(${local.metrics.db_pool_pending}) > 0"
      duration = "300s"
    }
    write-queue = {
      sqlite_only = true
      title       = "Backend: the single writer's queue stays longer than 16 for 5 minutes"
      query       = "max(${local.metrics.write_queue_depth}) > 16"
      duration    = "300s"
    }
    lease-renewal = {
      sqlite_only = true
      title       = "Backend: the writer lease failed to renew"
      query       = "increase(${local.metrics.lease_failures}[5m]) > 0"
      duration    = "0s"
    }
    replication-lag = {
      sqlite_only = true
      title       = "Backend: Litestream has not synced the replica for over a minute"
      query       = "max(${local.metrics.replication_age}) > 60"
      duration    = "300s"
    }
  }

  # Conditions on Google Cloud's own metrics: name → [title, filter, aligner, reducer, threshold, duration].
  threshold_alerts = {
    lb-5xx = {
      title     = "Load balancer: 5xx answers above 1 per second for 5 minutes"
      filter    = "resource.type = \"https_lb_rule\" AND resource.labels.forwarding_rule_name = \"${google_compute_global_forwarding_rule.https.name}\" AND metric.type = \"loadbalancing.googleapis.com/https/request_count\" AND metric.labels.response_code_class = 500"
      aligner   = "ALIGN_RATE"
      reducer   = "REDUCE_SUM"
      threshold = 1
      duration  = "300s"
    }
    armor-denials = {
      title     = "Cloud Armor: more than 1 denied request per second for 5 minutes"
      filter    = "metric.type = \"logging.googleapis.com/user/${google_logging_metric.armor_denied.name}\" AND resource.type = \"l7_lb_rule\""
      aligner   = "ALIGN_RATE"
      reducer   = "REDUCE_SUM"
      threshold = 1
      duration  = "300s"
    }
    instances = {
      sqlite_only = true
      title       = "Backend: more than one instance for 15 minutes (longer than any rollout)"
      filter      = "${local.backend_filter} AND metric.type = \"run.googleapis.com/container/instance_count\""
      aligner     = "ALIGN_MAX"
      reducer     = "REDUCE_SUM"
      threshold   = 1
      duration    = "900s"
    }
    database-volume = {
      title     = "Backend: memory above 80 % (the database volume lives in it) for 5 minutes"
      filter    = "${local.backend_filter} AND metric.type = \"run.googleapis.com/container/memory/utilizations\""
      aligner   = "ALIGN_PERCENTILE_99"
      reducer   = "REDUCE_MAX"
      threshold = 0.8
      duration  = "300s"
    }
    job-failed = {
      title     = "A scheduled job (backup, JWKS check) failed"
      filter    = "resource.type = \"cloud_run_job\" AND metric.type = \"run.googleapis.com/job/completed_execution_count\" AND metric.labels.result = \"failed\""
      aligner   = "ALIGN_DELTA"
      reducer   = "REDUCE_SUM"
      threshold = 0
      duration  = "0s"
    }
    trash-purge-failed = {
      title     = "The daily trash purge (Cloud Scheduler → backend) failed"
      filter    = "metric.type = \"logging.googleapis.com/user/${google_logging_metric.purge_failed.name}\" AND resource.type = \"cloud_scheduler_job\""
      aligner   = "ALIGN_DELTA"
      reducer   = "REDUCE_SUM"
      threshold = 0
      duration  = "0s"
    }
    jwks-drift = {
      title     = "JWKS differs from Kong's keys (infra/README.md, key rotation)"
      filter    = "metric.type = \"logging.googleapis.com/user/${google_logging_metric.jwks_drift.name}\" AND resource.type = \"cloud_run_job\""
      aligner   = "ALIGN_DELTA"
      reducer   = "REDUCE_SUM"
      threshold = 0
      duration  = "0s"
    }
  }

  # The SQLite-only alerts (the single writer's queue, the lease, Litestream's replication, and more
  # than one instance, which is the point of PostgreSQL) exist only in that variant.
  promql_alerts_enabled    = { for name, alert in local.promql_alerts : name => alert if local.sqlite || !lookup(alert, "sqlite_only", false) }
  threshold_alerts_enabled = { for name, alert in local.threshold_alerts : name => alert if local.sqlite || !lookup(alert, "sqlite_only", false) }
}

resource "google_monitoring_notification_channel" "email" {
  display_name = "todo on-call (${var.alert_email})"
  type         = "email"
  labels = {
    email_address = var.alert_email
  }

  depends_on = [google_project_service.apis]
}

resource "google_logging_metric" "armor_denied" {
  name   = "${var.name_prefix}-armor-denied"
  filter = "resource.type=\"http_load_balancer\" AND jsonPayload.enforcedSecurityPolicy.outcome=\"DENY\""
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
}

resource "google_logging_metric" "jwks_drift" {
  name   = "${var.name_prefix}-jwks-drift"
  filter = "resource.type=\"cloud_run_job\" AND jsonPayload.check=\"jwks\" AND severity>=ERROR"
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
}

# From several regions every minute, through DNS, the certificate, Cloud Armor, Kong and the backend.
resource "google_monitoring_uptime_check_config" "health" {
  display_name = "${var.name_prefix} health"
  timeout      = "10s"
  period       = "60s"

  http_check {
    path         = "/api/v1/health"
    port         = 443
    use_ssl      = true
    validate_ssl = true
    accepted_response_status_codes {
      status_class = "STATUS_CLASS_2XX"
    }
  }

  monitored_resource {
    type = "uptime_url"
    labels = {
      project_id = var.project_id
      host       = var.domain
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_monitoring_alert_policy" "uptime" {
  display_name          = "${var.name_prefix}: health check failing"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]

  conditions {
    display_name = "GET https://${var.domain}/api/v1/health fails from more than one region"
    condition_threshold {
      filter          = "resource.type = \"uptime_url\" AND metric.type = \"monitoring.googleapis.com/uptime_check/check_passed\" AND metric.labels.check_id = \"${google_monitoring_uptime_check_config.health.uptime_check_id}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 1
      duration        = "300s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_NEXT_OLDER"
        cross_series_reducer = "REDUCE_COUNT_FALSE"
        group_by_fields      = ["resource.label.project_id"]
      }
    }
  }
}

resource "google_monitoring_alert_policy" "promql" {
  for_each = local.promql_alerts_enabled

  display_name          = "${var.name_prefix}: ${each.value.title}"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]

  conditions {
    display_name = each.value.title
    condition_prometheus_query_language {
      query               = each.value.query
      duration            = each.value.duration
      evaluation_interval = "60s"
      # The metrics exist only once the service runs with the sidecar; the policy may come first.
      disable_metric_validation = true
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_monitoring_alert_policy" "threshold" {
  for_each = local.threshold_alerts_enabled

  display_name          = "${var.name_prefix}: ${each.value.title}"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]

  conditions {
    display_name = each.value.title
    condition_threshold {
      filter          = each.value.filter
      comparison      = "COMPARISON_GT"
      threshold_value = each.value.threshold
      duration        = each.value.duration
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = each.value.aligner
        cross_series_reducer = each.value.reducer
      }
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_monitoring_dashboard" "service" {
  dashboard_json = jsonencode({
    displayName = "${var.name_prefix} service"
    mosaicLayout = {
      columns = 12
      tiles = [for i, w in [
        { title = "Requests per second by status", promql = "sum by (status) (rate(${local.metrics.http_requests}_count[5m]))" },
        { title = "p95 latency (s)", promql = "histogram_quantile(0.95, sum by (le) (rate(${local.metrics.http_requests}_bucket[5m])))" },
        { title = "Write queue depth", promql = "max(${local.metrics.write_queue_depth})" },
        { title = "Connections pending", promql = "max(${local.metrics.db_pool_pending})" },
        { title = "Lease renewal failures (5 min)", promql = "increase(${local.metrics.lease_failures}[5m])" },
        { title = "Seconds since the last replica sync", promql = "max(${local.metrics.replication_age})" },
        { title = "Backend instances", promql = "sum(run_googleapis_com:container_instance_count{monitored_resource=\"cloud_run_revision\",service_name=\"${google_cloud_run_v2_service.backend.name}\"})" },
        { title = "Cloud Armor denials per second", promql = "sum(rate(logging_googleapis_com:user_${replace(google_logging_metric.armor_denied.name, "-", "_")}[5m]))" },
        ] : {
        xPos   = (i % 2) * 6
        yPos   = floor(i / 2) * 4
        width  = 6
        height = 4
        widget = {
          title   = w.title
          xyChart = { dataSets = [{ timeSeriesQuery = { prometheusQuery = w.promql }, plotType = "LINE" }] }
        }
      }]
    }
  })

  depends_on = [google_project_service.apis]
}

resource "google_billing_budget" "monthly" {
  billing_account = var.billing_account
  display_name    = "${var.name_prefix} monthly"

  budget_filter {
    projects = ["projects/${data.google_project.this.number}"]
  }

  amount {
    specified_amount {
      currency_code = var.budget_currency
      units         = tostring(var.budget_amount)
    }
  }

  threshold_rules {
    threshold_percent = 0.5
  }
  threshold_rules {
    threshold_percent = 0.9
  }
  threshold_rules {
    threshold_percent = 1.0
    spend_basis       = "FORECASTED_SPEND"
  }

  all_updates_rule {
    monitoring_notification_channels = [google_monitoring_notification_channel.email.id]
    disable_default_iam_recipients   = false
  }

  depends_on = [google_project_service.apis]
}

data "google_project" "this" {
  project_id = var.project_id
}

# The metrics sidecar's scrape configuration (RunMonitoring), read from /etc/rungmp/config.yaml.
resource "google_secret_manager_secret" "run_monitoring" {
  secret_id = "${var.name_prefix}-run-monitoring"
  replication {
    auto {}
  }

  depends_on = [google_project_service.apis]
}

resource "google_secret_manager_secret_version" "run_monitoring" {
  secret = google_secret_manager_secret.run_monitoring.id
  secret_data = yamlencode({
    apiVersion = "monitoring.googleapis.com/v1beta"
    kind       = "RunMonitoring"
    metadata   = { name = "${var.name_prefix}-backend" }
    spec = {
      endpoints = [{ port = 8080, path = var.metrics_path, interval = "30s" }]
    }
  })
}

resource "google_secret_manager_secret_iam_member" "backend_reads_run_monitoring" {
  secret_id = google_secret_manager_secret.run_monitoring.id
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.backend.member
}

# Writing time series is a project-level permission; it is the only project role in the stack.
resource "google_project_iam_member" "backend_writes_metrics" {
  project = var.project_id
  role    = "roles/monitoring.metricWriter"
  member  = google_service_account.backend.member
}
