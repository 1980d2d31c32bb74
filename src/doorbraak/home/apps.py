from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "doorbraak.home"
    label = "home"
    verbose_name = "Start"
