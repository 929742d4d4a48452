# The daily trash purge: Cloud Scheduler POSTs to the backend's POST /api/v1/admin/trash/purge
# (deletes what was trashed more than TODO_TRASH_RETENTION_DAYS ago and audit events older than
# TODO_AUDIT_RETENTION_DAYS; answers 200 {"purged": n}). The service also purges daily by itself;
# this makes the production run visible (one log line per attempt) and alerting.
#
# How the call gets in (infra/README.md, "Scheduled trash purge"):
# - network: the backend's ingress is internal-only, and Cloud Run counts requests from Cloud
#   Scheduler in the same project as internal;
# - Cloud Run IAM: Cloud Scheduler sends a Google-signed OIDC token of the purge service account
#   (aud = the backend's URL); Cloud Run verifies signature, expiry and audience and that the
#   account holds roles/run.invoker on this service, then forwards the token with its signature
#   replaced;
# - the backend: the token has no roles claim; its sub (the account's unique id) is in
#   TODO_AUTH_ADMIN_SUBJECTS and its iss is Google's, so the caller holds the admin role.

resource "google_service_account" "purge" {
  account_id   = "${var.name_prefix}-purge"
  display_name = "todo trash purge (Cloud Scheduler)"
  description  = "Identity of the daily trash-purge call: may invoke the backend service, nothing else. Admin inside the service by its unique id (TODO_AUTH_ADMIN_SUBJECTS)."

  depends_on = [google_project_service.apis]
}

# The purge account → backend: roles/run.invoker on this one service, no project-level role.
resource "google_cloud_run_v2_service_iam_member" "purge_invokes_backend" {
  project  = google_cloud_run_v2_service.backend.project
  location = google_cloud_run_v2_service.backend.location
  name     = google_cloud_run_v2_service.backend.name
  role     = "roles/run.invoker"
  member   = google_service_account.purge.member
}

resource "google_cloud_scheduler_job" "trash_purge" {
  name        = "${var.name_prefix}-trash-purge"
  description = "Daily: POST /api/v1/admin/trash/purge on the backend, as ${google_service_account.purge.email}."
  region      = var.region
  schedule    = var.trash_purge_schedule
  time_zone   = "Etc/UTC"
  # Longer than the backend's request timeout (60 s), so that the attempt ends with its answer.
  attempt_deadline = "90s"

  # The purge is idempotent: a retry after a 503 (writer lease moving during a rollout) or a
  # timeout deletes what is still due, nothing twice.
  retry_config {
    retry_count          = 3
    min_backoff_duration = "60s"
    max_backoff_duration = "600s"
    max_doublings        = 3
    max_retry_duration   = "0s"
  }

  http_target {
    http_method = "POST"
    uri         = "${google_cloud_run_v2_service.backend.uri}/api/v1/admin/trash/purge"

    # An ID token (not an OAuth access token: Cloud Run accepts only ID tokens), for the
    # service's own URL, which is what Cloud Run checks the audience against.
    oidc_token {
      service_account_email = google_service_account.purge.email
      audience              = google_cloud_run_v2_service.backend.uri
    }
  }

  depends_on = [
    google_project_service.apis,
    google_cloud_run_v2_service_iam_member.purge_invokes_backend,
  ]
}

# Cloud Scheduler logs each attempt's end; a failed one (a non-2xx answer, or none within the
# deadline) at ERROR. The alert "The daily trash purge failed" (monitoring.tf) fires on it: a 401
# or 403 there means the identity chain above is broken, which the service's own daily purge hides.
resource "google_logging_metric" "purge_failed" {
  name   = "${var.name_prefix}-trash-purge-failed"
  filter = "resource.type=\"cloud_scheduler_job\" AND resource.labels.job_id=\"${google_cloud_scheduler_job.trash_purge.name}\" AND severity>=ERROR"
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
}
