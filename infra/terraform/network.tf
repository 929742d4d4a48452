# A custom-mode VPC with one subnet. Kong sends all of its egress through it (Direct VPC egress),
# so that its calls to the backend's run.app URL count as internal traffic: the backend accepts
# nothing else. Private Google Access lets instances without external addresses reach Google APIs
# (run.app, storage.googleapis.com, the metadata server is link-local anyway).

locals {
  # The source ranges of Google's external load balancers and health checks (Google's documentation,
  # "Firewall rules" of Cloud Load Balancing): Kong trusts X-Forwarded-For only from these.
  google_lb_ranges = ["130.211.0.0/22", "35.191.0.0/16"]
}

resource "google_compute_network" "vpc" {
  name                    = "${var.name_prefix}-vpc"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"

  depends_on = [google_project_service.apis]
}

resource "google_compute_subnetwork" "run" {
  name                     = "${var.name_prefix}-run-${var.region}"
  region                   = var.region
  network                  = google_compute_network.vpc.id
  ip_cidr_range            = var.subnet_cidr
  private_ip_google_access = true
  stack_type               = "IPV4_ONLY"

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

# Kong's instances have no external IP. Nothing but Google APIs is reached from the VPC, so no
# Cloud NAT is created: egress to the internet is impossible by construction. Kong needs none (its
# configuration is declarative and shipped with the revision).
