# Two private buckets: uniform bucket-level access (IAM only, no object ACLs) and public access
# prevention enforced (no grant to allUsers/allAuthenticatedUsers can ever take effect).

resource "google_storage_bucket" "attachments" {
  name                        = var.attachments_bucket_name
  location                    = var.bucket_location
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = !var.deletion_protection

  # Attachment objects are written once and deleted with their to-do; versioning keeps a deleted
  # or overwritten object recoverable for noncurrent_attachment_days.
  versioning {
    enabled = true
  }

  soft_delete_policy {
    retention_duration_seconds = var.soft_delete_days * 86400
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.noncurrent_attachment_days
      with_state                 = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_storage_bucket" "replica" {
  name                        = var.replica_bucket_name
  location                    = var.bucket_location
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = !var.deletion_protection

  # No versioning: Litestream writes and deletes many small segment objects under its own retention,
  # and the lease object is rewritten every few seconds; versions of those would pile up. Soft delete
  # still makes a wrongly deleted replica restorable for soft_delete_days.
  versioning {
    enabled = false
  }

  soft_delete_policy {
    retention_duration_seconds = var.soft_delete_days * 86400
  }

  depends_on = [google_project_service.apis]
}

# Images of the backend.
resource "google_artifact_registry_repository" "images" {
  location      = var.region
  repository_id = "${var.name_prefix}-images"
  format        = "DOCKER"
  description   = "Container images of the todo backend."

  docker_config {
    immutable_tags = true
  }

  # KEEP wins over DELETE: the newest images stay, so the running revision and the ones to roll
  # back to keep their image; older ones go after image_retention_days, untagged leftovers after a week.
  cleanup_policy_dry_run = false
  cleanup_policies {
    id     = "keep-newest"
    action = "KEEP"
    most_recent_versions {
      keep_count = var.images_kept
    }
  }
  cleanup_policies {
    id     = "delete-old"
    action = "DELETE"
    condition {
      tag_state  = "ANY"
      older_than = "${var.image_retention_days * 86400}s"
    }
  }
  cleanup_policies {
    id     = "delete-untagged"
    action = "DELETE"
    condition {
      tag_state  = "UNTAGGED"
      older_than = "604800s"
    }
  }

  depends_on = [google_project_service.apis]
}

# Docker Hub through Artifact Registry: Cloud Run pulls Kong from here, so a pull does not depend on
# Docker Hub's rate limits and the image is cached in the project.
resource "google_artifact_registry_repository" "dockerhub" {
  location      = var.region
  repository_id = "${var.name_prefix}-dockerhub"
  format        = "DOCKER"
  mode          = "REMOTE_REPOSITORY"
  description   = "Remote repository of Docker Hub (Kong's image)."

  remote_repository_config {
    description = "Docker Hub"
    docker_repository {
      public_repository = "DOCKER_HUB"
    }
  }

  depends_on = [google_project_service.apis]
}
