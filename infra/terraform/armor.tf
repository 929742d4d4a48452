# Cloud Armor policy on the load balancer's backend service: preconfigured WAF rules (preview first),
# a per-client-IP rate limit with a ban, adaptive protection, and JSON-aware request parsing.

locals {
  # Uploads carry arbitrary file bytes: the rules that inspect bodies would block legitimate files.
  upload_request = "request.method == 'POST' && request.path.matches('^/api/v1/todos/[^/]+/attachments$')"

  # Preconfigured WAF rules (ModSecurity CRS 3.3; cve-canary is Google's, unversioned). Sensitivity 1
  # is the least false-positive-prone level. `skip`: requests the rule does not look at.
  waf_rules = {
    sqli             = { priority = 1000, expression = "evaluatePreconfiguredWaf('sqli-v33-stable', {'sensitivity': 1})", skip = local.upload_request }
    xss              = { priority = 1001, expression = "evaluatePreconfiguredWaf('xss-v33-stable', {'sensitivity': 1})", skip = local.upload_request }
    lfi              = { priority = 1002, expression = "evaluatePreconfiguredWaf('lfi-v33-stable', {'sensitivity': 1})", skip = local.upload_request }
    rce              = { priority = 1003, expression = "evaluatePreconfiguredWaf('rce-v33-stable', {'sensitivity': 1})", skip = local.upload_request }
    protocolattack   = { priority = 1004, expression = "evaluatePreconfiguredWaf('protocolattack-v33-stable', {'sensitivity': 1})", skip = local.upload_request }
    scannerdetection = { priority = 1005, expression = "evaluatePreconfiguredWaf('scannerdetection-v33-stable', {'sensitivity': 1})", skip = null }
    # CRS allows GET, HEAD, POST and OPTIONS only; the API's PUT, PATCH and DELETE are Kong's to
    # restrict (every route lists its methods), so the rule watches everything but /api/.
    methodenforcement = { priority = 1006, expression = "evaluatePreconfiguredWaf('methodenforcement-v33-stable', {'sensitivity': 1})", skip = "request.path.startsWith('/api/')" }
    cve               = { priority = 1007, expression = "evaluatePreconfiguredWaf('cve-canary', {'sensitivity': 1})", skip = local.upload_request }
  }
}

resource "google_compute_security_policy" "edge" {
  name        = "${var.name_prefix}-edge"
  description = "OWASP rules (preview: ${var.waf_preview}), per-IP rate-based ban, default allow"
  type        = "CLOUD_ARMOR"

  advanced_options_config {
    # Parse JSON bodies so that the WAF sees values, not the raw JSON syntax (fewer false positives).
    json_parsing = "STANDARD"
    log_level    = "VERBOSE"
  }

  adaptive_protection_config {
    layer_7_ddos_defense_config {
      enable = true
    }
  }

  dynamic "rule" {
    for_each = local.waf_rules
    content {
      priority    = rule.value.priority
      description = "OWASP CRS ${rule.key}"
      action      = "deny(403)"
      preview     = var.waf_preview

      match {
        expr {
          expression = rule.value.skip == null ? rule.value.expression : "${rule.value.expression} && !(${rule.value.skip})"
        }
      }
    }
  }

  rule {
    priority    = 900
    description = "The backend's internal routes (metrics) are never served through the load balancer"
    action      = "deny(404)"
    preview     = false

    match {
      expr {
        expression = "request.path.lower().matches('/internal(/|$)')"
      }
    }
  }

  rule {
    priority    = 2000
    description = "Per client IP: 429 above armor_rate_limit_per_minute, ban above armor_ban_threshold_per_minute"
    action      = "rate_based_ban"
    preview     = false

    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }

    rate_limit_options {
      conform_action   = "allow"
      exceed_action    = "deny(429)"
      enforce_on_key   = "IP"
      ban_duration_sec = var.armor_ban_seconds

      rate_limit_threshold {
        count        = var.armor_rate_limit_per_minute
        interval_sec = 60
      }

      ban_threshold {
        count        = var.armor_ban_threshold_per_minute
        interval_sec = 60
      }
    }
  }

  rule {
    priority    = 2147483647
    description = "Default: allow"
    action      = "allow"
    preview     = false

    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }
  }

  depends_on = [google_project_service.apis]
}
