from django.apps import AppConfig


class SubjectRightsConfig(AppConfig):
    name = "doorbraak.subjectrights"
    label = "subjectrights"
    verbose_name = "Rechten van betrokkenen en bewaartermijnen"
