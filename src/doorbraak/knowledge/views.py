"""Pages under /kennisbank/: search and read for everyone, write for the authors, the history
of each article, and the suggestions the request form loads (`suggestions`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from doorbraak.forms_utrecht import apply_service_errors
from doorbraak.home.queries import person_of

from . import access, queries, rendering, services
from .forms import ArticleForm, SearchForm

PAGE_SIZE = 20


def _may_write(request) -> bool:
    return access.may_write_articles(person_of(request.user))


def _require_author(request) -> None:
    if not _may_write(request):
        raise PermissionDenied(
            _("Only policy advisers and functional administrators write articles.")
        )


@login_required
def index(request):
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(queries.search(text), PAGE_SIZE).get_page(request.GET.get("pagina"))
    for article in page:
        article.excerpt = rendering.plain(article.body, 220)
    return render(
        request,
        "knowledge/index.html",
        {"form": form, "page": page, "q": text, "may_write": _may_write(request)},
        status=400 if form.errors else 200,
    )


@login_required
def detail(request, pk):
    article = queries.article_or_404(pk)
    html = mark_safe(rendering.render(article.body))  # noqa: S308 - sanitised by rendering
    return render(
        request,
        "knowledge/detail.html",
        {"article": article, "html": html, "may_write": _may_write(request)},
    )


def _form_page(request, article=None):
    _require_author(request)
    initial = {}
    if article is not None:
        initial = {
            "title": article.title,
            "body": article.body,
            "tags": ", ".join(article.tags),
            "categories": [c.pk for c in article.categories.all()],
            "legal_grounds": [g.pk for g in article.legal_grounds.all()],
            "organisations": [o.pk for o in article.organisations.all()],
            "patterns": [p.pk for p in article.patterns.all()],
        }
    form = ArticleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.article_save(actor=request.user, article=article, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Article saved (version %(n)s).") % {"n": saved.version})
            return redirect("knowledge:detail", pk=saved.pk)
    return render(
        request,
        "knowledge/form.html",
        {"form": form, "article": article},
        status=400 if form.errors else 200,
    )


@login_required
def article_new(request):
    return _form_page(request)


@login_required
def article_edit(request, pk):
    _require_author(request)
    return _form_page(request, queries.article_or_404(pk))


@login_required
def history(request, pk):
    article = queries.article_or_404(pk)
    return render(
        request,
        "knowledge/history.html",
        {"article": article, "versions": queries.versions(article)},
    )


@login_required
def version(request, pk, number):
    article = queries.article_or_404(pk)
    current, previous = queries.version_pair(article, number)
    diff = rendering.line_diff(previous.body if previous else "", current.body)
    return render(
        request,
        "knowledge/version.html",
        {
            "article": article,
            "current": current,
            "previous": previous,
            "html": mark_safe(rendering.render(current.body)),  # noqa: S308 - sanitised
            "diff": diff,
            "title_changed": previous is not None and previous.title != current.title,
        },
    )


@login_required
def suggestions(request):
    """The articles for a request's category and legal ground, as a fragment for the request
    form (proposals/form.html loads it on page load and when either field changes)."""
    found = queries.suggestions(
        category=request.GET.get("category", ""), legal_ground=request.GET.get("legal_ground", "")
    )
    return render(request, "knowledge/_suggestions.html", {"articles": found})
