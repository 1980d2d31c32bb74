from django.contrib.auth.decorators import login_required
from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", login_required(views.index), name="index"),
    path("categorieen/", login_required(views.categories), name="categories"),
    path("jaarverslag/<int:year>.pdf", login_required(views.yearly_report), name="yearly_report"),
    path("export/<slug:table>.<slug:kind>", login_required(views.export), name="export"),
]
