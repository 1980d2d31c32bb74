from django.urls import path

from doorbraak.proposals import views as proposal_views

from . import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("zoeken/", views.case_search, name="search"),
    path("nieuw/", views.case_open, name="open"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/notities/", views.note_add, name="note-add"),
    path("<int:pk>/knelpunten/", views.blocker_add, name="blocker-add"),
    path(
        "<int:pk>/knelpunten/<int:blocker_pk>/opgelost/",
        views.blocker_resolve,
        name="blocker-resolve",
    ),
    path("<int:pk>/leden/", views.member_add, name="member-add"),
    path("<int:pk>/plan/", views.plan_edit, name="plan"),
    path("<int:pk>/overdragen/", views.handover, name="handover"),
    path("<int:pk>/toegang/", views.access_add, name="access-add"),
    path("<int:pk>/toegang/<int:access_pk>/intrekken/", views.access_revoke, name="access-revoke"),
    path("<int:pk>/sluiten/", views.case_close, name="close"),
    path("<int:pk>/heropenen/", views.case_reopen, name="reopen"),
    path("<int:pk>/voorstellen/nieuw/", proposal_views.request_new, name="request-new"),
]
