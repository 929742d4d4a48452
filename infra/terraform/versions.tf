# Terraform and provider versions are pinned exactly: a plan is reproducible only with the same
# provider code. Raise them on purpose, read the changelog, re-run `terraform plan`.
terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "7.45.0"
    }
  }

  # State in a GCS bucket created before the first apply (see infra/README.md, step 2).
  # `terraform init -backend-config="bucket=<state bucket>"` fills in the bucket.
  backend "gcs" {
    prefix = "todo/terraform"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region

  default_labels = {
    app        = "todo"
    managed-by = "terraform"
  }
}
