# The APIs this stack uses. disable_on_destroy = false: other things in the project may need them.
locals {
  services = toset(concat([
    "artifactregistry.googleapis.com",
    "billingbudgets.googleapis.com",
    "cloudscheduler.googleapis.com",
    "cloudtrace.googleapis.com",
    "compute.googleapis.com",
    "iam.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
    ], local.cloudsql ? [
    # Cloud SQL, and the private services access that gives it an address in the VPC.
    "servicenetworking.googleapis.com",
    "sqladmin.googleapis.com",
  ] : []))
}

resource "google_project_service" "apis" {
  for_each = local.services

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}
