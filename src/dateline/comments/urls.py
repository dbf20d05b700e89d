from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("story/<int:story_id>/", views.add, name="add"),
    path("<int:comment_id>/edit/", views.edit, name="edit"),
    path("<int:comment_id>/delete/", views.delete, name="delete"),
    path("<int:comment_id>/report/", views.report, name="report"),
]
