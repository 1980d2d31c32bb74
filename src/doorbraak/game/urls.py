from django.urls import path

from . import views

app_name = "game"

urlpatterns = [
    path("spel/", views.index, name="index"),
    path("spel/nieuw/", views.session_new, name="new"),
    path("spel/<int:pk>/", views.phone, name="phone"),
    path("spel/<int:pk>/stand/", views.phone_state, name="phone-state"),
    path("spel/<int:pk>/bord/", views.board, name="board"),
    path("spel/<int:pk>/bord/stand/", views.board_state, name="board-state"),
    path("spel/<int:pk>/casus/<int:case_pk>/", views.answer, name="answer"),
    path("spel/<int:pk>/betoog/", views.argue, name="argue"),
    path("spel/<int:pk>/gooien/", views.roll, name="roll"),
    path("spel/<int:pk>/leiden/", views.lead, name="lead"),
    path("spel/<int:pk>/leiden/volgende/", views.stage_next, name="next"),
    path("spel/<int:pk>/leiden/team/<int:team_pk>/score/", views.team_score, name="score"),
    path("spel/<int:pk>/leiden/team/<int:team_pk>/geheim/", views.team_secret, name="secret"),
]
