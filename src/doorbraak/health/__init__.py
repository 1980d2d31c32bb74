"""Operations endpoints: /health/live, /health/ready and /metrics (Prometheus), the access log
as one JSON object per line. See docs/operations.md, Monitoring."""
