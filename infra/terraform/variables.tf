# Every variable has a description (the offline checks assert it). Values for one environment
# go into terraform.tfvars; terraform.tfvars.example lists them.

variable "project_id" {
  description = "Google Cloud project that holds everything (a fresh project with billing enabled)."
  type        = string
}

variable "region" {
  description = "Region of the Cloud Run services, the subnet, the serverless NEG and the buckets."
  type        = string
  default     = "europe-west1"
}

variable "name_prefix" {
  description = "Prefix of every resource name, so that two environments can share a project."
  type        = string
  default     = "todo"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix: 3 to 20 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "domain" {
  description = "Public host name of the service (e.g. todo.example.com). Its DNS A record must point at the output lb_ip_address before the managed certificate can become ACTIVE."
  type        = string
}

variable "subnet_cidr" {
  description = "IPv4 range of the subnet used by Direct VPC egress. Cloud Run takes addresses from it for every instance (plan at least 4 per instance); a /24 is plenty here."
  type        = string
  default     = "10.10.0.0/24"
}

variable "backend_image" {
  description = "Backend container image, built from infra/docker/jvm.Dockerfile (or native.Dockerfile) and pushed to the Artifact Registry repository of output image_repository. Pin it by digest (…/todo@sha256:…) so that a deploy is reproducible."
  type        = string
}

variable "kong_version" {
  description = "Kong Gateway (open-source) 3.9.x release, pulled as Docker Hub's kong/kong:<this> through the Artifact Registry remote repository. 3.9.5 is the newest 3.9 release on GitHub (Kong/kong, November 2025)."
  type        = string
  default     = "3.9.5"

  validation {
    condition     = can(regex("^3\\.9\\.[0-9]+$", var.kong_version))
    error_message = "kong_version: a 3.9.x release such as 3.9.5."
  }
}

variable "kong_image_digest" {
  description = "Digest of kong/kong:<kong_version> (sha256:<64 hex>), so that every revision runs exactly the bytes reviewed. Not guessed: read it from the registry (infra/README.md, step 4)."
  type        = string

  validation {
    condition     = can(regex("^sha256:[0-9a-f]{64}$", var.kong_image_digest))
    error_message = "kong_image_digest: sha256: followed by 64 lowercase hex digits."
  }
}

variable "otel_collector_version" {
  description = "Release of otel/opentelemetry-collector-contrib (Docker Hub), the backend's trace sidecar; an exact version, pulled by otel_collector_image_digest."
  type        = string
  default     = "0.137.0"

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.otel_collector_version))
    error_message = "otel_collector_version: an exact release such as 0.137.0."
  }
}

variable "otel_collector_image_digest" {
  description = "Digest of otel/opentelemetry-collector-contrib:<otel_collector_version> (sha256:<64 hex>). Not guessed: read it from the registry (infra/README.md, step 4)."
  type        = string

  validation {
    condition     = can(regex("^sha256:[0-9a-f]{64}$", var.otel_collector_image_digest))
    error_message = "otel_collector_image_digest: sha256: followed by 64 lowercase hex digits."
  }
}

variable "images_kept" {
  description = "Newest image versions in the image repository that the cleanup policy never deletes (the running revision and those to roll back to)."
  type        = number
  default     = 10
}

variable "image_retention_days" {
  description = "Image versions older than this are deleted by the repository's cleanup policy, except the images_kept newest."
  type        = number
  default     = 90
}

variable "backend_cpu" {
  description = "vCPUs of the backend container. CPU is always allocated (the lease renewal and Litestream run between requests)."
  type        = string
  default     = "1"
}

variable "backend_memory" {
  description = "Memory of the backend container. The in-memory volume holding the SQLite file counts against it: keep it well above database_volume_size_limit plus the JVM heap."
  type        = string
  default     = "2Gi"
}

variable "database_volume_size_limit" {
  description = "Size limit of the in-memory volume that holds the SQLite database file, its WAL and shared-memory files."
  type        = string
  default     = "512Mi"
}

variable "oidc_issuer" {
  description = "OpenID Connect issuer URL of the identity provider (the value of the tokens' iss claim). Handed to the browser by GET /api/v1/config and checked by Kong."
  type        = string
}

variable "oidc_client_id" {
  description = "OAuth client id of the browser app at the identity provider. Kong accepts only tokens whose aud claim contains it."
  type        = string
}

variable "jwt_audience" {
  description = "Value Kong requires in the tokens' aud claim. Empty: oidc_client_id (right when the browser sends the ID token, or access tokens issued for the client id); set it when the provider issues access tokens for an API identifier."
  type        = string
  default     = ""
}

variable "oidc_scope" {
  description = "Scopes the browser asks for when it signs in."
  type        = string
  default     = "openid profile email"
}

variable "jwt_signing_keys" {
  description = "The identity provider's current RS256 signing keys: kid (the JWT header's key id, as published in the provider's JWKS) and the public key in PEM (SubjectPublicKeyInfo, '-----BEGIN PUBLIC KEY-----'). Keep the old key listed until every token it signed has expired (see infra/README.md, key rotation)."
  type = list(object({
    kid            = string
    public_key_pem = string
  }))

  validation {
    condition     = length(var.jwt_signing_keys) > 0 && alltrue([for k in var.jwt_signing_keys : startswith(trimspace(k.public_key_pem), "-----BEGIN PUBLIC KEY-----")])
    error_message = "jwt_signing_keys: at least one key, each a PEM public key starting with -----BEGIN PUBLIC KEY-----."
  }
}

variable "kong_max_instances" {
  description = "Maximum number of Kong instances. Kong's rate limit is counted per instance (local policy), so the effective limit is this times kong_rate_limit_per_second."
  type        = number
  default     = 3
}

variable "kong_rate_limit_per_second" {
  description = "Requests per second one Kong instance forwards to the backend before answering 429: protects the single backend instance, not a per-client quota (Cloud Armor does that)."
  type        = number
  default     = 100
}

variable "armor_rate_limit_per_minute" {
  description = "Requests per minute from one client IP before Cloud Armor answers 429; a client that keeps exceeding ban_threshold is banned for armor_ban_seconds."
  type        = number
  default     = 600
}

variable "armor_ban_threshold_per_minute" {
  description = "Requests per minute from one client IP that get it banned for armor_ban_seconds."
  type        = number
  default     = 1200
}

variable "armor_ban_seconds" {
  description = "How long Cloud Armor bans a client IP that crossed armor_ban_threshold_per_minute."
  type        = number
  default     = 600
}

variable "waf_preview" {
  description = "true: the OWASP rules (SQLi, XSS, LFI, RCE) only log what they would block (preview mode); false: they answer 403. Start with true, read the logs, then set false (infra/README.md, enforcing the WAF)."
  type        = bool
  default     = true
}

variable "attachments_bucket_name" {
  description = "Globally unique name of the bucket for attachment bytes (TODO_ATTACHMENTS_BUCKET)."
  type        = string
}

variable "replica_bucket_name" {
  description = "Globally unique name of the bucket for the Litestream replica of the SQLite database and the single-writer lease object."
  type        = string
}

variable "backup_bucket_name" {
  description = "Globally unique name of the bucket holding the daily, checked copies of the database (retention-locked; the backend has no access to it)."
  type        = string
}

variable "backup_retention_days" {
  description = "Days every daily copy is kept: nobody can delete or replace it sooner, and it is deleted a day after."
  type        = number
  default     = 30
}

variable "backup_retention_locked" {
  description = "Lock the backup bucket's retention policy. Irreversible: the period can then only be raised, and the bucket deleted only once every object has expired."
  type        = bool
  default     = true
}

variable "backup_schedule" {
  description = "When the backup job runs (cron, UTC)."
  type        = string
  default     = "30 3 * * *"
}

variable "jwks_check_schedule" {
  description = "When the JWKS check compares the provider's published keys with Kong's (cron, UTC)."
  type        = string
  default     = "17 * * * *"
}

variable "trash_purge_schedule" {
  description = "When Cloud Scheduler calls the backend's trash purge, POST /api/v1/admin/trash/purge (cron, UTC)."
  type        = string
  default     = "17 3 * * *"
}

variable "ops_image" {
  description = "Image of the scheduled jobs, built from infra/docker/ops.Dockerfile and pushed by the CI (cloudbuild.yaml) to the image repository, by digest (…/todo-ops@sha256:…)."
  type        = string
}

variable "bucket_location" {
  description = "Location of both buckets. The region of the services keeps traffic local; a dual-region (e.g. EUR4) survives a regional outage at a higher price."
  type        = string
  default     = "europe-west1"
}

variable "noncurrent_attachment_days" {
  description = "Days an overwritten or deleted attachment stays recoverable as a noncurrent version before it is deleted."
  type        = number
  default     = 30
}

variable "soft_delete_days" {
  description = "Days a deleted object stays restorable through soft delete (both buckets). 7 to 90; 0 turns soft delete off."
  type        = number
  default     = 7
}

variable "deletion_protection" {
  description = "Protects the Cloud Run services and buckets from `terraform destroy`. Set false only to tear an environment down."
  type        = bool
  default     = true
}

variable "log_level" {
  description = "TODO_LOG_LEVEL of the backend (root log level)."
  type        = string
  default     = "INFO"
}

variable "metrics_path" {
  description = "Path of the backend's Prometheus metrics on its port 8080, scraped by the metrics sidecar inside the instance. Under /internal/, which Kong answers 404 and Cloud Armor denies."
  type        = string
  default     = "/internal/metrics"

  validation {
    condition     = startswith(var.metrics_path, "/internal/")
    error_message = "metrics_path: under /internal/ (the prefix Kong and Cloud Armor keep from the internet)."
  }
}

variable "prometheus_sidecar_image" {
  description = "Google's Managed Service for Prometheus sidecar for Cloud Run (collector of the backend's metrics); an exact version."
  type        = string
  default     = "us-docker.pkg.dev/cloud-ops-agents-artifacts/cloud-run-gmp-sidecar/cloud-run-gmp-sidecar:1.3.0"
}

variable "alert_email" {
  description = "Email address that receives every alert and the budget notifications."
  type        = string
}

variable "billing_account" {
  description = "Billing account id (XXXXXX-XXXXXX-XXXXXX) of the project, for the budget alert."
  type        = string
}

variable "budget_amount" {
  description = "Monthly budget in budget_currency: notifications at 50 % and 90 % of actual spend, and when the forecast passes 100 %."
  type        = number
  default     = 100
}

variable "budget_currency" {
  description = "Currency of budget_amount; must be the billing account's currency."
  type        = string
  default     = "EUR"
}

variable "database" {
  description = "Which engine the backend runs on. sqlite (default): one instance, the database on an in-memory volume replicated by Litestream, the writer lease. cloudsql: Cloud SQL for PostgreSQL on a private IP in the VPC, IAM database authentication, and the backend may scale to backend_max_instances (infra/README.md, Database)."
  type        = string
  default     = "sqlite"

  validation {
    condition     = contains(["sqlite", "cloudsql"], var.database)
    error_message = "database: \"sqlite\" or \"cloudsql\"."
  }
}

variable "backend_max_instances" {
  description = "Maximum number of backend instances when database = \"cloudsql\" (with sqlite it is always 1). Each instance holds TODO_DATABASE_POOL_SIZE (4) connections: keep this times the pool size, plus a rollout's overlap, well below the instance's max_connections."
  type        = number
  default     = 4

  validation {
    condition     = var.backend_max_instances >= 1 && var.backend_max_instances <= 100 && floor(var.backend_max_instances) == var.backend_max_instances
    error_message = "backend_max_instances: a whole number from 1 to 100."
  }
}

variable "cloudsql_database_version" {
  description = "Cloud SQL for PostgreSQL major version (database = \"cloudsql\"). A major upgrade is an in-place operation with downtime; test it on a clone first."
  type        = string
  default     = "POSTGRES_17"

  validation {
    condition     = can(regex("^POSTGRES_(1[5-9]|[2-9][0-9])$", var.cloudsql_database_version))
    error_message = "cloudsql_database_version: POSTGRES_15 or later, e.g. POSTGRES_17."
  }
}

variable "cloudsql_tier" {
  description = "Machine type of the Cloud SQL instance (Enterprise edition), db-custom-<vCPUs>-<memory MiB>. The default (1 vCPU, 3.75 GiB) allows about 100 connections."
  type        = string
  default     = "db-custom-1-3840"
}

variable "cloudsql_availability_type" {
  description = "ZONAL: one zone (a zone outage stops the database until it is back). REGIONAL: a standby in a second zone with synchronous replication and automatic failover, at twice the instance price."
  type        = string
  default     = "ZONAL"

  validation {
    condition     = contains(["ZONAL", "REGIONAL"], var.cloudsql_availability_type)
    error_message = "cloudsql_availability_type: ZONAL or REGIONAL."
  }
}

variable "cloudsql_disk_size_gb" {
  description = "Initial SSD size of the Cloud SQL instance in GB; it grows automatically and can never shrink."
  type        = number
  default     = 10
}

variable "cloudsql_backups_retained" {
  description = "Number of automated daily backups of the Cloud SQL instance kept."
  type        = number
  default     = 14

  validation {
    condition     = var.cloudsql_backups_retained >= 7
    error_message = "cloudsql_backups_retained: at least 7."
  }
}

variable "cloudsql_log_retention_days" {
  description = "Days of write-ahead log kept for point-in-time recovery: the instance can be restored to any moment in this window (Enterprise edition: 1 to 7)."
  type        = number
  default     = 7

  validation {
    condition     = var.cloudsql_log_retention_days >= 1 && var.cloudsql_log_retention_days <= 7
    error_message = "cloudsql_log_retention_days: 1 to 7 (Enterprise edition)."
  }
}
