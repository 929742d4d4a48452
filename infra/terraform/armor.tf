# Cloud Armor policy on the load balancer's backend service: OWASP CRS rules (preview first),
# a per-client-IP rate limit with a ban, adaptive protection, and JSON-aware request parsing.

locals {
  # Preconfigured WAF rules (ModSecurity CRS 3.3). Sensitivity 1 is the least false-positive-prone level.
  waf_rules = {
    sqli = { priority = 1000, expression = "evaluatePreconfiguredWaf('sqli-v33-stable', {'sensitivity': 1})" }
    xss  = { priority = 1001, expression = "evaluatePreconfiguredWaf('xss-v33-stable', {'sensitivity': 1})" }
    lfi  = { priority = 1002, expression = "evaluatePreconfiguredWaf('lfi-v33-stable', {'sensitivity': 1})" }
    rce  = { priority = 1003, expression = "evaluatePreconfiguredWaf('rce-v33-stable', {'sensitivity': 1})" }
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
          expression = rule.value.expression
        }
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
