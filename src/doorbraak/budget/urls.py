from django.urls import path

from . import views

app_name = "budget"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.check_page, name="check"),
    path("<int:pk>/inkomen/", views.income_add, name="income-add"),
    path("<int:pk>/vaste-last/", views.cost_add, name="cost-add"),
    path("<int:pk>/schuld/", views.debt_add, name="debt-add"),
    path("<int:pk>/regeling/", views.plan_propose, name="plan-propose"),
    path("<int:pk>/<str:kind>/<int:line_pk>/verwijderen/", views.line_remove, name="line-remove"),
    path("regeling/<int:pk>/", views.plan_page, name="plan"),
    path("regeling/<int:pk>/csv/", views.plan_csv, name="plan-csv"),
    path("regeling/<int:pk>/brief/<int:share_pk>/", views.creditor_letter, name="letter"),
]
