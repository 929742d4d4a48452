# Kong Gateway (open source) in DB-less mode: the whole configuration is infra/kong/kong.yml,
# rendered here and handed to Kong as KONG_DECLARATIVE_CONFIG_STRING. No database, no Admin API:
# a configuration change is a new revision, rolled out and rolled back like code.

locals {
  # Cloud Run probes only the serving port; Kong answers this route itself (kong.yml, gateway-health).
  kong_port        = 8000
  kong_health_path = "/_gateway/health"

  # Docker Hub's kong/kong through the Artifact Registry remote repository, by digest (infra/README.md).
  kong_image = "${google_artifact_registry_repository.dockerhub.location}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.dockerhub.repository_id}/kong/kong:${var.kong_version}@${var.kong_image_digest}"

  # Sent by Kong unless the backend sets its own. The browser talks to this origin and to the
  # identity provider (discovery, token endpoint) only.
  content_security_policy = join("; ", [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self' ${trimsuffix(var.oidc_issuer, "/")}",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self' ${trimsuffix(var.oidc_issuer, "/")}",
  ])

  # Values substituted into infra/kong/kong.yml. Each is JSON-encoded: a JSON value is valid YAML
  # (flow style) and a valid Lua literal for strings, whatever characters it contains.
  kong_config = templatefile("${path.module}/../kong/kong.yml", {
    backend_url_json                    = jsonencode(google_cloud_run_v2_service.backend.uri)
    backend_audience_json               = jsonencode(google_cloud_run_v2_service.backend.uri)
    oidc_issuer_json                    = jsonencode(var.oidc_issuer)
    jwt_audience_json                   = jsonencode(var.jwt_audience != "" ? var.jwt_audience : var.oidc_client_id)
    rate_limit_second_json              = jsonencode(var.kong_rate_limit_per_second)
    content_security_policy_header_json = jsonencode("Content-Security-Policy:${local.content_security_policy}")
    jwt_secrets_json = jsonencode([
      for k in var.jwt_signing_keys : {
        key            = k.kid
        algorithm      = "RS256"
        rsa_public_key = trimspace(k.public_key_pem)
        # Kong's schema wants a secret on every JWT credential; RS256 never uses it.
        secret = "unused-for-rs256-${sha256(k.kid)}"
      }
    ])
  })
}

resource "google_cloud_run_v2_service" "kong" {
  name                 = "${var.name_prefix}-gateway"
  location             = var.region
  description          = "Kong gateway: JWT validation, rate limiting, routing to the backend"
  ingress              = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"
  launch_stage         = "GA"
  deletion_protection  = var.deletion_protection
  invoker_iam_disabled = true # reachable only through the load balancer (ingress); browsers carry no Google identity

  scaling {
    min_instance_count = 1
    max_instance_count = var.kong_max_instances
  }

  template {
    service_account                  = google_service_account.kong.email
    execution_environment            = "EXECUTION_ENVIRONMENT_GEN2"
    timeout                          = "60s"
    max_instance_request_concurrency = 250

    scaling {
      min_instance_count = 1
      max_instance_count = var.kong_max_instances
    }

    # Direct VPC egress for all traffic: the call to the backend's run.app URL leaves through the
    # VPC and so satisfies the backend's internal-only ingress.
    vpc_access {
      egress = "ALL_TRAFFIC"
      network_interfaces {
        network    = google_compute_network.vpc.id
        subnetwork = google_compute_subnetwork.run.id
      }
    }

    containers {
      name  = "kong"
      image = local.kong_image

      ports {
        name           = "http1"
        container_port = local.kong_port
      }

      resources {
        limits = {
          cpu    = "1"
          memory = "1Gi"
        }
        cpu_idle          = true
        startup_cpu_boost = true
      }

      env {
        name  = "KONG_DATABASE"
        value = "off"
      }
      env {
        name  = "KONG_DECLARATIVE_CONFIG_STRING"
        value = local.kong_config
      }
      env {
        name  = "KONG_PROXY_LISTEN"
        value = "0.0.0.0:${local.kong_port}"
      }
      env {
        name  = "KONG_ADMIN_LISTEN"
        value = "off"
      }
      env {
        name  = "KONG_PLUGINS"
        value = "bundled"
      }
      env {
        # The serverless functions in kong.yml run in Kong's sandbox and may require only these modules.
        name  = "KONG_UNTRUSTED_LUA"
        value = "sandbox"
      }
      env {
        name  = "KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES"
        value = "resty.http,kong.plugins.jwt.jwt_parser"
      }
      env {
        # No "Server: kong/x.y" and no X-Kong-* latency headers towards clients.
        name  = "KONG_HEADERS"
        value = "off"
      }
      env {
        # Only the load balancer's proxies and its own address may name the client: X-Forwarded-For
        # arrives as "<client>, <load balancer address>", read from the right past trusted hops.
        name  = "KONG_TRUSTED_IPS"
        value = join(",", concat(local.google_lb_ranges, [google_compute_global_address.lb.address]))
      }
      env {
        name  = "KONG_REAL_IP_HEADER"
        value = "X-Forwarded-For"
      }
      env {
        name  = "KONG_REAL_IP_RECURSIVE"
        value = "on"
      }
      env {
        # The CA bundle nginx checks the backend's certificate against (tls_verify in kong.yml).
        name  = "KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE"
        value = "/etc/ssl/certs/ca-certificates.crt"
      }
      env {
        # Requests are logged as JSON by the file-log plugin (kong.yml); this text log would repeat them.
        name  = "KONG_PROXY_ACCESS_LOG"
        value = "off"
      }
      env {
        name  = "KONG_PROXY_ERROR_LOG"
        value = "/dev/stderr"
      }

      startup_probe {
        initial_delay_seconds = 0
        period_seconds        = 2
        timeout_seconds       = 2
        failure_threshold     = 30

        http_get {
          path = local.kong_health_path
          port = local.kong_port
        }
      }

      liveness_probe {
        initial_delay_seconds = 0
        period_seconds        = 15
        timeout_seconds       = 3
        failure_threshold     = 3

        http_get {
          path = local.kong_health_path
          port = local.kong_port
        }
      }
    }
  }

  traffic {
    type    = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST"
    percent = 100
  }

  depends_on = [google_project_service.apis]
}
