"""HTTP views other than the channels' webhooks: the HSDS read API (and later the dashboard)."""
