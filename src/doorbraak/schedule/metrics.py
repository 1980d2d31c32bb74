"""doorbraak_scheduled_task_last_success_timestamp_seconds{task}: when the latest done run of
each scheduled task finished (Unix time), read from the database at scrape time
(health.metrics.render registers the collector per scrape). Alert when
`time() - metric` passes about twice the task's period; a task that never ran has no sample
(`absent()`)."""

from prometheus_client.core import GaugeMetricFamily


class ScheduledTaskCollector:
    def collect(self):
        try:
            from . import queries

            last = queries.last_done()
        except Exception:  # no database (or no Django set up): /health/ready reports it
            return
        family = GaugeMetricFamily(
            "doorbraak_scheduled_task_last_success_timestamp_seconds",
            "When the latest done run of each scheduled task finished (Unix time).",
            labels=["task"],
        )
        for name, finished in sorted(last.items()):
            family.add_metric([name], finished.timestamp())
        yield family
