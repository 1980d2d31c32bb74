from django.urls import path

from . import mandate_views, views

app_name = "escalation"

urlpatterns = [
    path("escalaties/casus/<int:case_pk>/nieuw/", views.escalate, name="escalate"),
    path("escalaties/<int:pk>/", views.detail, name="detail"),
    path("escalaties/<int:pk>/besluit/", views.decide, name="decide"),
    path("escalaties/<int:pk>/acties/", views.action_add, name="action-add"),
    path(
        "escalaties/casus/<int:case_pk>/mandaat/",
        mandate_views.mandate_use_new,
        name="mandate-use-new",
    ),
    path("mandaatgebruik/<int:pk>/", mandate_views.mandate_use_detail, name="mandate-use"),
    path("acties/", views.actions, name="actions"),
    path("acties/<int:pk>/klaar/", views.action_done, name="action-done"),
]
