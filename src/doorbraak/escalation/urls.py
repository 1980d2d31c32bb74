from django.urls import path

from . import views

app_name = "escalation"

urlpatterns = [
    path("escalaties/casus/<int:case_pk>/nieuw/", views.escalate, name="escalate"),
    path("escalaties/<int:pk>/", views.detail, name="detail"),
    path("escalaties/<int:pk>/besluit/", views.decide, name="decide"),
    path("escalaties/<int:pk>/acties/", views.action_add, name="action-add"),
    path("acties/", views.actions, name="actions"),
    path("acties/<int:pk>/klaar/", views.action_done, name="action-done"),
]
