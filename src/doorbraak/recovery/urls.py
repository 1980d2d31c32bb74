from django.urls import path

from . import views

app_name = "recovery"

urlpatterns = [
    path("casus/<int:pk>/", views.case_page, name="case"),
    path("casus/<int:pk>/samenvatting/", views.summary, name="summary"),
    path("casus/<int:pk>/markering/", views.mark_record, name="mark"),
    path("casus/<int:pk>/markering/verwijderen/", views.mark_remove, name="mark-remove"),
    path("casus/<int:pk>/schulden/", views.debt_add, name="debt-add"),
    path("casus/<int:pk>/schulden/<int:debt_pk>/", views.debt_status, name="debt-status"),
    path("casus/<int:pk>/plan/", views.plan, name="plan"),
]
