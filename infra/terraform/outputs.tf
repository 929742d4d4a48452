output "lb_ip_address" {
  description = "Public IPv4 address of the load balancer: the DNS A record of var.domain must point here."
  value       = google_compute_global_address.lb.address
}

output "url" {
  description = "Public URL of the service (works once the managed certificate is ACTIVE)."
  value       = "https://${var.domain}"
}

output "backend_uri" {
  description = "run.app URL of the backend; reachable only from inside the VPC (and same-project Cloud Scheduler) with an ID token of the Kong or the trash-purge service account."
  value       = google_cloud_run_v2_service.backend.uri
}

output "kong_uri" {
  description = "run.app URL of Kong; its ingress admits only the load balancer (and the VPC)."
  value       = google_cloud_run_v2_service.kong.uri
}

output "image_repository" {
  description = "Artifact Registry path to push backend images to (docker push <this>/todo:<tag>)."
  value       = "${google_artifact_registry_repository.images.location}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
}

output "attachments_bucket" {
  description = "Bucket holding attachment bytes."
  value       = google_storage_bucket.attachments.name
}

output "replica_bucket" {
  description = "Bucket holding the Litestream replica and the writer lease."
  value       = google_storage_bucket.replica.name
}

output "backend_service_account" {
  description = "Service account the backend runs as."
  value       = google_service_account.backend.email
}

output "kong_service_account" {
  description = "Service account Kong runs as (the backend's only invoker)."
  value       = google_service_account.kong.email
}

output "certificate_name" {
  description = "Managed certificate to watch: gcloud compute ssl-certificates describe <this> --global."
  value       = google_compute_managed_ssl_certificate.lb.name
}

output "cloudsql_connection_name" {
  description = "Connection name (project:region:instance) of the Cloud SQL instance, the connector's cloudSqlInstance; null when database = \"sqlite\"."
  value       = one(google_sql_database_instance.todo[*].connection_name)
}

output "cloudsql_private_ip" {
  description = "Private address of the Cloud SQL instance in the VPC (the connector finds it by itself; for diagnosis); null when database = \"sqlite\"."
  value       = one(google_sql_database_instance.todo[*].private_ip_address)
}

output "database_url" {
  description = "TODO_DATABASE_URL the backend runs with (no password in it: SQLite is a file, PostgreSQL logs in with IAM)."
  value       = local.backend_database_env[var.database][0].value
}
