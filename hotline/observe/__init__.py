"""Health, readiness and Prometheus metrics: what monitoring and an orchestrator ask of a server."""
