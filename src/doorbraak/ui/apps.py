from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "doorbraak.ui"
    label = "ui"
    verbose_name = "User interface helpers"
