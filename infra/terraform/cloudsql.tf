# The PostgreSQL variant (var.database = "cloudsql"): Cloud SQL for PostgreSQL reachable only on a
# private address in the VPC, logged in to with the backend's own service account (IAM database
# authentication: no password exists anywhere), with daily backups and point-in-time recovery.
# With var.database = "sqlite" (the default) nothing in this file is created.

locals {
  sqlite   = var.database == "sqlite"
  cloudsql = var.database == "cloudsql"

  # The IAM database user of a service account is its email without ".gserviceaccount.com"
  # (PostgreSQL user names are limited to 63 characters; Cloud SQL shortens them this way).
  cloudsql_user = trimsuffix(google_service_account.backend.email, ".gserviceaccount.com")

  # "" while the variant is sqlite: the URL below is built for both variants but used by one.
  cloudsql_connection_name = join("", google_sql_database_instance.todo[*].connection_name)

  # The Cloud SQL Java connector (com.google.cloud.sql:postgres-socket-factory, which the backend
  # image must contain) opens the connection: it asks the Admin API for the instance's private
  # address and an ephemeral client certificate, connects with mutual TLS (so the driver's own TLS
  # stays off: sslmode=disable), and logs in with an OAuth token of the account the service runs
  # as, in place of a password (enableIamAuth). The host part of the URL is ignored by the connector.
  cloudsql_jdbc_url = join("", [
    "jdbc:postgresql:///todo",
    "?cloudSqlInstance=${local.cloudsql_connection_name}",
    "&socketFactory=com.google.cloud.sql.postgres.SocketFactory",
    "&enableIamAuth=true",
    "&user=${local.cloudsql_user}",
    "&ipTypes=PRIVATE",
    "&sslmode=disable",
  ])
}

# Private services access: a range of the VPC handed to Google's service producer network, where
# the instance gets its address, and the peering that makes that range reachable from the subnet
# (the backend's Direct VPC egress). /20 leaves room for Cloud SQL's per-region allocations.
resource "google_compute_global_address" "private_services" {
  count = local.cloudsql ? 1 : 0

  name          = "${var.name_prefix}-private-services"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 20
  network       = google_compute_network.vpc.id
}

resource "google_service_networking_connection" "private_services" {
  count = local.cloudsql ? 1 : 0

  network                 = google_compute_network.vpc.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.private_services[0].name]

  # Deleting the connection fails for days after the instance is gone: Cloud SQL keeps its side to
  # allow restoring a deleted instance ("Producer services ... are still using this connection").
  # ABANDON drops it from the state but leaves the VPC peering, which then blocks deleting the VPC:
  # a teardown removes the peering by hand (infra/README.md, Database).
  deletion_policy = "ABANDON"

  depends_on = [google_project_service.apis]
}

resource "google_sql_database_instance" "todo" {
  count = local.cloudsql ? 1 : 0

  name             = "${var.name_prefix}-postgres" # local.cloudsql_instance_only names it too
  region           = var.region
  database_version = var.cloudsql_database_version

  # Terraform's own guard (plan fails on destroy or replace) and the API's (nobody can delete the
  # instance, from the console either), both from the flag that protects services and buckets.
  deletion_protection = var.deletion_protection

  settings {
    # Enterprise Plus is the default for PostgreSQL 16 and later; it needs its own, larger machine
    # types. Enterprise with a small custom machine is what this service needs.
    edition                     = "ENTERPRISE"
    tier                        = var.cloudsql_tier
    availability_type           = var.cloudsql_availability_type
    disk_type                   = "PD_SSD"
    disk_size                   = var.cloudsql_disk_size_gb
    disk_autoresize             = true
    deletion_protection_enabled = var.deletion_protection

    # No public address at all: the instance is reachable only from the VPC, through the peering.
    # Connections must be encrypted (the Java connector's mutual TLS is).
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.vpc.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    # Logins with an OAuth token of an IAM principal instead of a password.
    database_flags {
      name  = "cloudsql.iam_authentication"
      value = "on"
    }

    # A daily backup in the quiet hours (02:00 UTC, before the purge at 03:17 and before the
    # SQLite variant's backup job would run), and the write-ahead log kept for
    # point-in-time recovery to any second of the last cloudsql_log_retention_days.
    backup_configuration {
      enabled                        = true
      start_time                     = "02:00"
      point_in_time_recovery_enabled = true
      transaction_log_retention_days = var.cloudsql_log_retention_days

      backup_retention_settings {
        retained_backups = var.cloudsql_backups_retained
        retention_unit   = "COUNT"
      }
    }

    # Maintenance restarts the instance (seconds to a minute of refused connections): Sunday 03:00 UTC.
    maintenance_window {
      day          = 7
      hour         = 3
      update_track = "stable"
    }

    insights_config {
      query_insights_enabled  = true
      record_application_tags = false
      record_client_address   = false
    }
  }

  depends_on = [google_project_service.apis, google_service_networking_connection.private_services]
}

# The database the service's Flyway migrations fill (db/migration/postgres). The pg_trgm extension
# the search index needs is created by the first migration (CREATE EXTENSION IF NOT EXISTS), not here.
resource "google_sql_database" "todo" {
  count = local.cloudsql ? 1 : 0

  name     = "todo"
  instance = google_sql_database_instance.todo[0].name

  # The API refuses to drop a PostgreSQL database that other users than cloudsqlsuperuser can
  # access; the database goes with the instance instead.
  deletion_policy = "ABANDON"
}

# The backend's service account as a database user: it logs in with its OAuth token, so there is no
# password to store, rotate or leak. A new IAM user holds no privileges; the service creates its
# tables and the pg_trgm extension itself, which on Cloud SQL needs cloudsqlsuperuser.
resource "google_sql_user" "backend" {
  count = local.cloudsql ? 1 : 0

  name           = local.cloudsql_user
  instance       = google_sql_database_instance.todo[0].name
  type           = "CLOUD_IAM_SERVICE_ACCOUNT"
  database_roles = ["cloudsqlsuperuser"]

  # PostgreSQL refuses to drop a role that owns objects (the service's tables); Terraform then
  # forgets the user instead of failing, and the user goes with the instance.
  deletion_policy = "ABANDON"
}

locals {
  # Cloud SQL has no per-instance IAM policy: the grants are on the project, narrowed to this
  # instance by a condition.
  cloudsql_instance_only = "resource.type == \"sqladmin.googleapis.com/Instance\" && resource.name == \"projects/${var.project_id}/instances/${var.name_prefix}-postgres\""
}

# Connecting: the connector's calls to the Admin API for the instance's address and a client
# certificate (cloudsql.instances.connect, .get).
resource "google_project_iam_member" "backend_cloudsql_client" {
  count = local.cloudsql ? 1 : 0

  project = var.project_id
  role    = "roles/cloudsql.client"
  member  = google_service_account.backend.member

  condition {
    title      = "${var.name_prefix}-postgres only"
    expression = local.cloudsql_instance_only
  }
}

# Logging in with IAM database authentication (cloudsql.instances.login).
resource "google_project_iam_member" "backend_cloudsql_instance_user" {
  count = local.cloudsql ? 1 : 0

  project = var.project_id
  role    = "roles/cloudsql.instanceUser"
  member  = google_service_account.backend.member

  condition {
    title      = "${var.name_prefix}-postgres only"
    expression = local.cloudsql_instance_only
  }
}
