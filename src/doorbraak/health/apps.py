from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "doorbraak.health"
    label = "health"
    verbose_name = "Health and metrics"
