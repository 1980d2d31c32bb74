from django.apps import AppConfig


class EarlySignalsConfig(AppConfig):
    name = "doorbraak.earlysignals"
    label = "earlysignals"
    verbose_name = "Vroegsignalering"
