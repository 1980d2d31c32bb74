from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("tweestapsverificatie/", views.mfa_setup, name="mfa-setup"),
    path("tweestapsverificatie/controleren/", views.mfa_verify, name="mfa-verify"),
    path("bevestigen/", views.reauthenticate, name="reauth"),
    path("toegangscontrole/", views.access_review, name="access-review"),
    path("toegangscontrole/<int:pk>/", views.access_person, name="access-person"),
    path("toegangscontrole/<int:pk>/besluit/", views.access_decide, name="access-decide"),
]
