from django.urls import path

from . import views

app_name = "funds"

urlpatterns = [
    path("", views.fund_list, name="list"),
    path("<int:pk>/", views.fund_detail, name="detail"),
    path("<int:pk>/batch/", views.batch_new, name="batch-new"),
    path("batches/<int:pk>/bestand.<str:kind>", views.batch_file, name="batch-file"),
    path("batches/<int:pk>/betaald/", views.batch_paid, name="batch-paid"),
    path("batches/<int:pk>/annuleren/", views.batch_cancel, name="batch-cancel"),
]
