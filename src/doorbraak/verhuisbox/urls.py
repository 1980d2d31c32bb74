from django.urls import path

from . import views

app_name = "verhuisbox"

urlpatterns = [
    path("verhuisbox/", views.index, name="index"),
    path("verhuisbox/aanmelden/", views.register, name="new"),
    path("verhuisbox/cijfers/", views.programme, name="figures"),
    path("verhuisbox/<int:pk>/", views.detail, name="detail"),
    path("verhuisbox/<int:pk>/adviesgesprek/", views.advice, name="advice"),
    path("verhuisbox/<int:pk>/woonsite/", views.site, name="site"),
    path("verhuisbox/<int:pk>/kosten/", views.cost, name="cost"),
    path("verhuisbox/<int:pk>/gehuisvest/", views.housed, name="housed"),
    path("verhuisbox/<int:pk>/overdracht/", views.handover, name="handover"),
    path("verhuisbox/<int:pk>/bijstand/", views.bijstand, name="bijstand"),
    path("verhuisbox/<int:pk>/stoppen/", views.stop, name="stop"),
    path("casussen/<int:case_pk>/verhuisbox/", views.register, name="register"),
]
