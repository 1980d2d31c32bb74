from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from doorbraak.accounts import views as account_views
from doorbraak.home import views as home_views

admin.site.site_header = "Doorbraak beheer"
admin.site.site_title = "Doorbraak beheer"
admin.site.index_title = "Functioneel beheer"

urlpatterns = [
    path("", include("doorbraak.home.urls")),
    path("favicon.ico", home_views.favicon),
    path(
        "inloggen/",
        account_views.LoginView.as_view(),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("casussen/", include("doorbraak.cases.urls")),
    path("voorstellen/", include("doorbraak.proposals.urls")),
    path("rekenhulp/", include("doorbraak.costbenefit.urls")),
    path("stemmen/", include("doorbraak.approvals.urls")),
    path("potjes/", include("doorbraak.funds.urls")),
    path("cijfers/", include("doorbraak.reports.urls")),
    path("", include("doorbraak.escalation.urls")),
    path("", include("doorbraak.tables.urls")),
    path("", include("doorbraak.let.urls")),
    path("", include("doorbraak.documents.urls")),
    path("", include("doorbraak.learning.urls")),
    path("", include("doorbraak.worktables.urls")),
    path("", include("doorbraak.generic.urls")),
    path("privacy/", include("doorbraak.privacy.urls")),
    path("kennisbank/", include("doorbraak.knowledge.urls")),
    path("herstel/", include("doorbraak.recovery.urls")),
    path("budget/", include("doorbraak.budget.urls")),
    path("", include("doorbraak.opendata.urls")),
    path("", include("doorbraak.pauses.urls")),
    path("", include("doorbraak.consults.urls")),
    path("", include("doorbraak.indications.urls")),
    path("", include("doorbraak.ambassadors.urls")),
    path("", include("doorbraak.game.urls")),
    path("", include("doorbraak.earlysignals.urls")),
    path("", include("doorbraak.verhuisbox.urls")),
    path("rechten/", include("doorbraak.subjectrights.urls")),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("doorbraak.api.urls")),
    path("", include("doorbraak.accounts.urls")),
]

if settings.BENCH_ENDPOINTS:
    from doorbraak.bench_views import bare

    urlpatterns.append(path("bench/bare/", bare, name="bench-bare"))

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
