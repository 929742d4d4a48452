# One service account per service, each holding only what its service needs.

resource "google_service_account" "backend" {
  account_id   = "${var.name_prefix}-backend"
  display_name = "todo backend (Cloud Run)"
  description  = local.cloudsql ? "Runs the backend: reads and writes objects in the attachments bucket, logs in to the todo Cloud SQL instance, nothing else." : "Runs the backend: reads and writes objects in the attachments and replica buckets, nothing else."

  depends_on = [google_project_service.apis]
}

resource "google_service_account" "kong" {
  account_id   = "${var.name_prefix}-kong"
  display_name = "todo Kong gateway (Cloud Run)"
  description  = "Runs Kong: may invoke the backend service, nothing else."

  depends_on = [google_project_service.apis]
}

# Backend → buckets: object read/write/delete/list on these two buckets only (roles/storage.objectUser
# is bucket-scoped here, not project-wide). Litestream needs list and delete for retention; the
# lease needs create and update with preconditions.
resource "google_storage_bucket_iam_member" "backend_attachments" {
  bucket = google_storage_bucket.attachments.name
  role   = "roles/storage.objectUser"
  member = google_service_account.backend.member
}

# The replica bucket holds the Litestream replica and the lease: SQLite only. With PostgreSQL the
# bucket stays (its last replica is what a migration starts from) but the backend has no access.
resource "google_storage_bucket_iam_member" "backend_replica" {
  count = local.sqlite ? 1 : 0

  bucket = google_storage_bucket.replica.name
  role   = "roles/storage.objectUser"
  member = google_service_account.backend.member
}

# Kong → backend: one of the two principals allowed to invoke the backend (the other is the daily
# trash purge's, purge.tf). Nothing is granted to allUsers or allAuthenticatedUsers on the backend;
# Kong proves its identity with a Google-signed ID token in X-Serverless-Authorization (see
# infra/kong/kong.yml), which leaves Authorization to the user's JWT.
resource "google_cloud_run_v2_service_iam_member" "kong_invokes_backend" {
  project  = google_cloud_run_v2_service.backend.project
  location = google_cloud_run_v2_service.backend.location
  name     = google_cloud_run_v2_service.backend.name
  role     = "roles/run.invoker"
  member   = google_service_account.kong.member
}

# Cloud Run collects stdout and stderr itself: the service accounts need no logging role. The default
# compute service account (Editor on the project) is used by neither service.
