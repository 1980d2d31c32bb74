"""The user guide in the app: docs/gebruikershandleiding.md rendered once per process, with
NL Design System classes. The guide is written by the project, not by users, so its HTML is
trusted."""

from functools import cache

import markdown
from django.conf import settings
from django.utils.safestring import mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

CLASSES = {
    "h1": "utrecht-heading-1",
    "h2": "utrecht-heading-2",
    "h3": "utrecht-heading-3",
    "h4": "utrecht-heading-4",
    "h5": "utrecht-heading-5",
    "p": "utrecht-paragraph",
    "a": "utrecht-link",
    "ul": "utrecht-unordered-list",
    "ol": "utrecht-ordered-list",
    "li": "utrecht-unordered-list__item",
    "table": "utrecht-table",
    "code": "utrecht-code",
}


class _Classes(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            css = CLASSES.get(element.tag)
            if css:
                element.set("class", css)


class UtrechtClasses(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - the markdown package's API
        md.treeprocessors.register(_Classes(md), "utrecht_classes", 0)


def render(text: str) -> dict:
    # The page has its own h1; the guide's headings start at h2 (toc's baselevel).
    md = markdown.Markdown(
        extensions=["tables", "toc", "sane_lists", UtrechtClasses()],
        extension_configs={"toc": {"baselevel": 2}},
        output_format="html",
    )
    html = md.convert(text)
    return {"html": mark_safe(html), "toc": md.toc_tokens}  # noqa: S308 - our own document


@cache
def guide() -> dict:
    """The guide as HTML with a table of contents; headings get ids (`#waardendriehoek`)."""
    try:
        text = settings.HELP_FILE.read_text(encoding="utf-8")
    except OSError:
        text = "# Gebruikershandleiding\n\nDe handleiding is niet meegeleverd met deze installatie."
    return render(text)
