"""Public (non-admin) URLs of the partners app: accepting an invitation."""

from django.urls import path

from partners import views

app_name = "partners"
urlpatterns = [
    path("<uidb64>/<token>/", views.accept_invitation, name="accept_invitation"),
]
