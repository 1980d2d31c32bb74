"""Markdown written by beleidsadviseurs, rendered safely. Pure Python, no Django import.

Three layers: markdown-it-py (CommonMark) runs with raw HTML switched off, so `<script>` or an
`onclick=` attribute typed in an article comes out as text, and its link check refuses
`javascript:`, `vbscript:`, `file:` and `data:` links. The HTML it produces is then cleaned by
nh3 (the Rust ammonia sanitiser) with an allow-list of tags, attributes and URL schemes, and
finally `sanitise` re-emits only the allowed tags with the NL Design System classes, and the
headings renumbered to follow the page's own h1 without a gap (`heading_levels`). Authors are
trusted colleagues, not the public, but an article is read by everyone, so it is treated as
untrusted input."""

import difflib
import html
import re
from html.parser import HTMLParser

import nh3
from markdown_it import MarkdownIt

#: The NL Design System (Utrecht) classes of the rendered elements (by the tag as shown).
CLASSES = {
    "h2": "utrecht-heading-2",
    "h3": "utrecht-heading-3",
    "h4": "utrecht-heading-4",
    "h5": "utrecht-heading-5",
    "h6": "utrecht-heading-6",
    "p": "utrecht-paragraph",
    "a": "utrecht-link",
    "ul": "utrecht-unordered-list",
    "ol": "utrecht-ordered-list",
    "table": "utrecht-table",
    "code": "utrecht-code",
    "blockquote": "utrecht-blockquote",
}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADING_TAG = re.compile(r"<(h[1-6])\b")


def heading_levels(fragment: str) -> dict[str, str]:
    """How the article's headings are shown: the page has its own h1, so the highest level an
    author used becomes h2 and each next level used one lower (h6 at most). "## A" then
    "#### B" shows h2 and h3: screen readers find no skipped level."""
    used = sorted(set(_HEADING_TAG.findall(fragment)))
    return {tag: f"h{min(6, 2 + i)}" for i, tag in enumerate(used)}


ALLOWED_TAGS = frozenset(
    {
        *HEADINGS,
        "p",
        "a",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "code",
        "pre",
        "blockquote",
        "hr",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "s",
    }
)
VOID_TAGS = frozenset({"hr", "br"})
SAFE_SCHEMES = ("http://", "https://", "mailto:")
#: Elements whose content is not text: dropped with everything inside.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})


def _safe_href(value: str) -> str | None:
    text = "".join(ch for ch in value if ch.isprintable() and not ch.isspace()).lower()
    if text.startswith(SAFE_SCHEMES) or text.startswith(("/", "#")):
        return value
    if ":" not in text.split("/", 1)[0]:
        return value  # relative, no scheme
    return None


class _Sanitiser(HTMLParser):
    """Re-emits only allowed tags with allowed attributes; everything else as text."""

    def __init__(self, headings: dict[str, str]):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0  # inside a dropped element whose content is not text (script, style)
        self.headings = headings

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED_WITH_CONTENT:
            self.skip += 1
            return
        if self.skip or tag not in ALLOWED_TAGS:
            return
        shown = self.headings.get(tag, tag)
        parts = [shown]
        css = CLASSES.get(shown)
        if css:
            parts.append(f'class="{css}"')
        if tag == "a":
            href = dict(attrs).get("href")
            href = _safe_href(href) if href else None
            if href is not None:
                parts.append(f'href="{html.escape(href, quote=True)}"')
                if href.lower().startswith(("http://", "https://")):
                    parts.append('rel="noopener noreferrer nofollow"')
        self.out.append("<" + " ".join(parts) + ">")

    def handle_startendtag(self, tag, attrs):
        if tag in VOID_TAGS:  # <br/>, <hr/>; any other self-closed tag has no content
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in DROPPED_WITH_CONTENT:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip or tag not in ALLOWED_TAGS or tag in VOID_TAGS:
            return
        self.out.append(f"</{self.headings.get(tag, tag)}>")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(html.escape(data, quote=False))


def sanitise(fragment: str) -> str:
    parser = _Sanitiser(heading_levels(fragment))
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


def _markdown() -> MarkdownIt:
    # "commonmark" preset with raw HTML off; tables and strikethrough on; no typographer.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


def clean(fragment: str) -> str:
    """nh3's allow-list: the tags below and `href` on links (http, https, mailto or
    relative); every other attribute (on*, style, class) is removed."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render(text: str) -> str:
    """The article's Markdown as safe HTML (a string the caller may mark safe)."""
    return sanitise(clean(_markdown().render(text or "")))


def plain(text: str, limit: int = 200) -> str:
    """A short plain-text excerpt (for result lists): the rendered text without tags."""

    class _Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data):
            self.parts.append(data)

    parser = _Text()
    parser.feed(render(text))
    words = " ".join(" ".join(parser.parts).split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def line_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The changes from `old` to `new`, line by line: ("+", line) added, ("-", line) removed,
    (" ", line) unchanged. The template shows them; nothing here is HTML."""
    rows = []
    for line in difflib.ndiff((old or "").splitlines(), (new or "").splitlines()):
        mark = line[:1]
        if mark in {"+", "-", " "}:
            rows.append((mark, line[2:]))
    return rows
