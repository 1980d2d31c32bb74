from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("signalen/", views.signals, name="signals"),
    path("signalen/nieuw/", views.signal_new, name="signal-new"),
    path("signalen/<int:pk>/", views.signal_detail, name="signal"),
    path("patronen/", views.patterns, name="patterns"),
    path("patronen/<int:pk>/", views.pattern_detail, name="pattern"),
    path("patronen/<int:pk>/besluit/", views.pattern_decide, name="pattern-decide"),
]
