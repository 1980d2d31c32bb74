from django.urls import path

from . import views

app_name = "worktables"

urlpatterns = [
    path("werktafels/", views.index, name="index"),
    path("werktafels/nieuw/", views.start, name="start"),
    path("werktafels/<int:pk>/", views.detail, name="detail"),
    path("werktafels/<int:pk>/uitkomst/", views.outcome_add, name="outcome-add"),
    path("werktafels/<int:pk>/sessie/", views.session_add, name="session-add"),
    path("werktafels/<int:pk>/afronden/", views.finish, name="finish"),
    path("werktafels/<int:pk>/oplossing/", views.solution_new, name="solution-new"),
    path("werktafels/sessies/<int:pk>/", views.session_edit, name="session"),
    path("oplossingen/<int:pk>/", views.solution_detail, name="solution"),
    path("oplossingen/<int:pk>/stap/", views.solution_step, name="solution-step"),
    path("oplossingen/<int:pk>/doorsturen/", views.signal_send, name="signal-send"),
]
