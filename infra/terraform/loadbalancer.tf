# Global external Application Load Balancer:
# forwarding rule :443 → HTTPS proxy (managed certificate, TLS ≥ 1.2) → URL map → backend service
# (Cloud Armor) → serverless NEG → Kong. Port 80 only redirects to HTTPS.

resource "google_compute_global_address" "lb" {
  name         = "${var.name_prefix}-lb"
  address_type = "EXTERNAL"
  ip_version   = "IPV4"

  depends_on = [google_project_service.apis]
}

resource "google_compute_region_network_endpoint_group" "kong" {
  name                  = "${var.name_prefix}-kong-neg"
  region                = var.region
  network_endpoint_type = "SERVERLESS"

  cloud_run {
    service = google_cloud_run_v2_service.kong.name
  }
}

resource "google_compute_backend_service" "kong" {
  name                  = "${var.name_prefix}-kong"
  description           = "Kong on Cloud Run, behind Cloud Armor"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTPS"
  enable_cdn            = false
  security_policy       = google_compute_security_policy.edge.id

  backend {
    group = google_compute_region_network_endpoint_group.kong.id
  }

  log_config {
    enable      = true
    sample_rate = 1.0
  }
}

resource "google_compute_url_map" "https" {
  name            = "${var.name_prefix}-https"
  description     = "Everything goes to Kong; Kong routes"
  default_service = google_compute_backend_service.kong.id
}

# A certificate cannot be changed in place, and its name is taken while the proxy uses it: the name
# carries a hash of the domains, so a new domain makes a new certificate, the proxy switches to it,
# and only then is the old one deleted.
resource "google_compute_managed_ssl_certificate" "lb" {
  name = "${var.name_prefix}-cert-${substr(sha256(var.domain), 0, 8)}"

  managed {
    domains = [var.domain]
  }

  lifecycle {
    create_before_destroy = true
  }

  depends_on = [google_project_service.apis]
}

resource "google_compute_ssl_policy" "modern" {
  name            = "${var.name_prefix}-tls"
  profile         = "MODERN"
  min_tls_version = "TLS_1_2"

  depends_on = [google_project_service.apis]
}

resource "google_compute_target_https_proxy" "lb" {
  name             = "${var.name_prefix}-https"
  url_map          = google_compute_url_map.https.id
  ssl_certificates = [google_compute_managed_ssl_certificate.lb.id]
  ssl_policy       = google_compute_ssl_policy.modern.id
}

resource "google_compute_global_forwarding_rule" "https" {
  name                  = "${var.name_prefix}-https"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  ip_protocol           = "TCP"
  ip_address            = google_compute_global_address.lb.id
  port_range            = "443"
  target                = google_compute_target_https_proxy.lb.id
}

# HTTP → HTTPS: a URL map with only a redirect, its proxy and a forwarding rule on the same address.
resource "google_compute_url_map" "http_redirect" {
  name        = "${var.name_prefix}-http-redirect"
  description = "Redirects every plain-HTTP request to HTTPS"

  default_url_redirect {
    https_redirect         = true
    redirect_response_code = "MOVED_PERMANENTLY_DEFAULT"
    strip_query            = false
  }
}

resource "google_compute_target_http_proxy" "redirect" {
  name    = "${var.name_prefix}-http-redirect"
  url_map = google_compute_url_map.http_redirect.id
}

resource "google_compute_global_forwarding_rule" "http" {
  name                  = "${var.name_prefix}-http"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  ip_protocol           = "TCP"
  ip_address            = google_compute_global_address.lb.id
  port_range            = "80"
  target                = google_compute_target_http_proxy.redirect.id
}
