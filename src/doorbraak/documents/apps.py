from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "doorbraak.documents"
    label = "documents"
    verbose_name = "Documenten"
