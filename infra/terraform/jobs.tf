# Two scheduled Cloud Run jobs on the ops image (infra/docker/ops.Dockerfile), started by Cloud
# Scheduler: the daily backup of the replica into a bucket the backend cannot touch, and the hourly
# comparison of the identity provider's JWKS with Kong's signing keys. Neither job runs in the VPC:
# the JWKS check must reach the provider on the internet, which the VPC cannot.

resource "google_storage_bucket" "backup" {
  name                        = var.backup_bucket_name
  location                    = var.bucket_location
  storage_class               = "NEARLINE"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  # No object can be deleted or replaced before it is backup_retention_days old, by anyone; locked,
  # the policy itself can no longer be shortened or removed (irreversible: infra/README.md).
  retention_policy {
    retention_period = var.backup_retention_days * 86400
    is_locked        = var.backup_retention_locked
  }

  lifecycle_rule {
    condition {
      age = var.backup_retention_days + 1
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_service_account" "backup" {
  account_id   = "${var.name_prefix}-backup"
  display_name = "todo daily backup (Cloud Run job)"
  description  = "Reads the replica, creates objects in the backup bucket; can delete nothing."

  depends_on = [google_project_service.apis]
}

resource "google_service_account" "jwks_check" {
  account_id   = "${var.name_prefix}-jwks-check"
  display_name = "todo JWKS check (Cloud Run job)"
  description  = "Runs the JWKS comparison; holds no role (it only reads the provider's public keys)."

  depends_on = [google_project_service.apis]
}

resource "google_service_account" "scheduler" {
  account_id   = "${var.name_prefix}-scheduler"
  display_name = "todo Cloud Scheduler"
  description  = "Starts the backup and JWKS-check jobs, nothing else."

  depends_on = [google_project_service.apis]
}

resource "google_storage_bucket_iam_member" "backup_reads_replica" {
  bucket = google_storage_bucket.replica.name
  role   = "roles/storage.objectViewer"
  member = google_service_account.backup.member
}

resource "google_storage_bucket_iam_member" "backup_lists_backups" {
  bucket = google_storage_bucket.backup.name
  role   = "roles/storage.objectViewer"
  member = google_service_account.backup.member
}

resource "google_storage_bucket_iam_member" "backup_creates_backups" {
  bucket = google_storage_bucket.backup.name
  role   = "roles/storage.objectCreator"
  member = google_service_account.backup.member
}

locals {
  jobs = {
    # Restores and checks the Litestream replica: SQLite only. On PostgreSQL, Cloud SQL's own backups
    # and point-in-time recovery take its place (cloudsql.tf); the job would fail every day there.
    backup = {
      sqlite_only     = true
      schedule        = var.backup_schedule
      service_account = google_service_account.backup.email
      command         = ["/opt/todo/backup/backup.sh"]
      env = {
        TODO_REPLICA_BUCKET = google_storage_bucket.replica.name
        BACKUP_DIR          = "/backup"
      }
    }
    jwks-check = {
      sqlite_only     = false
      schedule        = var.jwks_check_schedule
      service_account = google_service_account.jwks_check.email
      command         = ["node", "/opt/todo/jwks/check-jwks.mjs"]
      env = {
        OIDC_ISSUER = var.oidc_issuer
        DEPLOYED_KEYS_JSON = jsonencode([
          for k in var.jwt_signing_keys : { kid = k.kid, public_key_pem = trimspace(k.public_key_pem) }
        ])
      }
    }
  }

  ops_jobs = { for name, job in local.jobs : name => job if local.sqlite || !job.sqlite_only }
}

resource "google_cloud_run_v2_job" "ops" {
  for_each = local.ops_jobs

  name                = "${var.name_prefix}-${each.key}"
  location            = var.region
  launch_stage        = "GA"
  deletion_protection = var.deletion_protection

  template {
    task_count = 1

    template {
      service_account       = each.value.service_account
      execution_environment = "EXECUTION_ENVIRONMENT_GEN2"
      timeout               = "900s"
      max_retries           = 1

      containers {
        image   = var.ops_image
        command = each.value.command

        resources {
          limits = {
            cpu    = "1"
            memory = "2Gi" # the restored database and its copy live in memory (/tmp)
          }
        }

        dynamic "env" {
          for_each = each.value.env
          content {
            name  = env.key
            value = env.value
          }
        }

        dynamic "volume_mounts" {
          for_each = each.key == "backup" ? [1] : []
          content {
            name       = "backup"
            mount_path = "/backup"
          }
        }
      }

      # The backup bucket as a file system (Cloud Storage FUSE): backup.sh copies finished files in.
      dynamic "volumes" {
        for_each = each.key == "backup" ? [1] : []
        content {
          name = "backup"
          gcs {
            bucket    = google_storage_bucket.backup.name
            read_only = false
          }
        }
      }
    }
  }

  # Releases update the image by digest (infra/cloudbuild.yaml); var.ops_image is the first one.
  lifecycle {
    ignore_changes = [template[0].template[0].containers[0].image]
  }

  depends_on = [
    google_project_service.apis,
    google_storage_bucket_iam_member.backup_reads_replica,
    google_storage_bucket_iam_member.backup_creates_backups,
  ]
}

# roles/run.invoker on a job lets the scheduler's account run it (run.jobs.run), nothing more.
resource "google_cloud_run_v2_job_iam_member" "scheduler_runs" {
  for_each = google_cloud_run_v2_job.ops

  project  = each.value.project
  location = each.value.location
  name     = each.value.name
  role     = "roles/run.invoker"
  member   = google_service_account.scheduler.member
}

resource "google_cloud_scheduler_job" "ops" {
  for_each = google_cloud_run_v2_job.ops

  name             = each.value.name
  region           = var.region
  schedule         = local.jobs[each.key].schedule
  time_zone        = "Etc/UTC"
  attempt_deadline = "60s"

  http_target {
    http_method = "POST"
    uri         = "https://run.googleapis.com/v2/projects/${var.project_id}/locations/${var.region}/jobs/${each.value.name}:run"

    oauth_token {
      service_account_email = google_service_account.scheduler.email
      scope                 = "https://www.googleapis.com/auth/cloud-platform"
    }
  }

  depends_on = [google_cloud_run_v2_job_iam_member.scheduler_runs]
}
