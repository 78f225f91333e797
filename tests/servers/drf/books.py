"""Django REST framework's three standard paginations over seven books.

    python3 books.py PORT

serves, on 127.0.0.1:PORT, one ListAPIView per paginator, as the specs in
tests/specs/drf/ describe them:

    /books          PageNumberPagination  (?page=N; 404 past the last page)
    /books-offset   LimitOffsetPagination (?limit=L&offset=K)
    /books-cursor   CursorPagination      (?cursor=..., ordered by id)

The books are a real model in an in-memory SQLite database, created and
filled at start. Each request is logged to stderr by wsgiref, one line each.
"""

import sys

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    SECRET_KEY="test-only",
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["rest_framework"],
    MIDDLEWARE=[],
    # One connection for the whole process (the server is single-threaded
    # and it is never closed): an in-memory database lives as long as it.
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": ":memory:",
            "CONN_MAX_AGE": None,
        }
    },
    REST_FRAMEWORK={
        "DEFAULT_AUTHENTICATION_CLASSES": [],
        "DEFAULT_PERMISSION_CLASSES": [],
        "UNAUTHENTICATED_USER": None,
        "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
        "PAGE_SIZE": 3,
    },
)
django.setup()

from django.db import connection, models  # noqa: E402
from django.urls import path  # noqa: E402
from rest_framework import generics, pagination, serializers  # noqa: E402

BOOKS = 7
PAGE_SIZE = 3


class Book(models.Model):
    title = models.CharField(max_length=100)

    class Meta:
        app_label = "books"


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title"]


class ByPage(pagination.PageNumberPagination):
    page_size = PAGE_SIZE


class ByCursor(pagination.CursorPagination):
    page_size = PAGE_SIZE
    ordering = "id"


def books(paginator):
    return generics.ListAPIView.as_view(
        queryset=Book.objects.order_by("id"),
        serializer_class=BookSerializer,
        pagination_class=paginator,
    )


urlpatterns = [
    path("books", books(ByPage)),
    path("books-offset", books(pagination.LimitOffsetPagination)),
    path("books-cursor", books(ByCursor)),
]


def main():
    from wsgiref.simple_server import make_server

    from django.core.wsgi import get_wsgi_application

    port = int(sys.argv[1])
    with connection.schema_editor() as editor:
        editor.create_model(Book)
    Book.objects.bulk_create(Book(id=i, title=f"book {i}") for i in range(1, BOOKS + 1))
    server = make_server("127.0.0.1", port, get_wsgi_application())
    print(f"listening on http://127.0.0.1:{port}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
