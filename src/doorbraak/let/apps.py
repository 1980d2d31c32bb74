from django.apps import AppConfig


class LetConfig(AppConfig):
    name = "doorbraak.let"
    label = "let"
    verbose_name = "Landelijk Escalatie Team"
