from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("", views.start, name="start"),
    path("intro-verbergen/", views.intro_hide, name="intro-hide"),
    path("meldingen/", views.notifications, name="notifications"),
    path("meldingen/gelezen/", views.notifications_read, name="notifications-read"),
    path("meldingen/<int:pk>/", views.notification_open, name="notification-open"),
    path("hulp/", views.help_page, name="help"),
]
