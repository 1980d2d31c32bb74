"""Articles over the API: read and search for every logged-in user (?q=), written by policy
advisers and functional administrators through the same service as the pages (each write is
a new version). No household data."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from doorbraak.accounts.models import Organisation
from doorbraak.api.fields import IdRelatedField
from doorbraak.home.queries import person_of
from doorbraak.learning.models import Pattern
from doorbraak.proposals.models import Category, LegalGround
from doorbraak.text_validators import LimitedSerializerMixin

from . import access, queries, rendering, services
from .models import BODY, Article, ArticleVersion


class ArticleSerializer(LimitedSerializerMixin, serializers.ModelSerializer):
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=BODY, help_text="Markdown.")
    tags = serializers.ListField(child=serializers.CharField(max_length=40), required=False)
    categories = IdRelatedField(queryset=Category.objects.all(), many=True, required=False)
    legal_grounds = IdRelatedField(queryset=LegalGround.objects.all(), many=True, required=False)
    organisations = IdRelatedField(queryset=Organisation.objects.all(), many=True, required=False)
    patterns = IdRelatedField(queryset=Pattern.objects.all(), many=True, required=False)
    note = serializers.CharField(max_length=200, required=False, write_only=True, default="")
    html = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "body",
            "html",
            "tags",
            "categories",
            "legal_grounds",
            "organisations",
            "patterns",
            "version",
            "note",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["version", "created_at", "updated_at"]

    def get_html(self, article) -> str:
        """The text rendered safely (raw HTML, scripts and javascript: links made inert)."""
        return rendering.render(article.body)


class ArticleVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ArticleVersion
        fields = ["version", "title", "body", "tags", "links", "note", "created_at"]
        read_only_fields = fields


@extend_schema(
    parameters=[OpenApiParameter("q", str, description="Search words (Dutch full-text search).")]
)
class ArticleViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """Knowledge base articles: everyone reads and searches, authors write (a new version on
    every save)."""

    serializer_class = ArticleSerializer
    queryset = Article.objects.none()
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        if self.action == "list":
            return queries.with_links(queries.search(self.request.query_params.get("q", "")))
        return queries.with_links(Article.objects.order_by("pk"))

    def _save(self, serializer, article=None):
        data = dict(serializer.validated_data)
        if article is not None and self.request.method == "PATCH":
            current = {
                "title": article.title,
                "body": article.body,
                "tags": article.tags,
                "categories": list(article.categories.all()),
                "legal_grounds": list(article.legal_grounds.all()),
                "organisations": list(article.organisations.all()),
                "patterns": list(article.patterns.all()),
            }
            data = {**current, **data}
        try:
            return services.article_save(actor=self.request.user, article=article, **data)
        except ValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from None

    def _require_author(self):
        if not access.may_write_articles(person_of(self.request.user)):
            raise PermissionDenied(
                _("Only policy advisers and functional administrators write articles.")
            )

    def create(self, request, *args, **kwargs):
        self._require_author()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article = self._save(serializer)
        return Response(self.get_serializer(article).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        self._require_author()
        article = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(article, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        article = self._save(serializer, article)
        return Response(self.get_serializer(article).data)

    @extend_schema(responses=ArticleVersionSerializer(many=True))
    @action(
        detail=True,
        methods=["get"],
        serializer_class=ArticleVersionSerializer,
        pagination_class=None,  # every version in one list, as the schema says
    )
    def versions(self, request, pk=None, format=None):  # noqa: A002 - the router passes it
        """Every saved version of the article, newest first."""
        article = self.get_object()
        return Response(ArticleVersionSerializer(queries.versions(article), many=True).data)
