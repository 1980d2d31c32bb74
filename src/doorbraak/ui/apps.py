from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "doorbraak.ui"
    label = "ui"
    verbose_name = "User interface helpers"

    def ready(self) -> None:
        from . import choice_labels

        choice_labels.install()
