"""Markdown is rendered safely: scripts, on* attributes and javascript: links come out inert.
Pure Python (no database)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from doorbraak.knowledge import rendering, tags

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](java\tscript:alert(1))",
    "[klik](vbscript:msgbox(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<svg onload=alert(1)>",
    '<iframe src="https://example.org"></iframe>',
    "<style>body{display:none}</style>",
    '![x](x" onerror="alert(1))',
    "<a href='javascript:alert(1)'>x</a>",
    "<div onmouseover=alert(1)>x</div>",
]


def _inert(html: str) -> None:
    """No executable element, no on* attribute, no link to a script scheme: every real tag
    in the output (text shows "<" as &lt;) is an allowed one with allowed attributes."""
    lowered = html.lower()
    for tag in re.findall(r"<([a-z0-9]+)([^>]*)>", lowered):
        name, attributes = tag
        assert name in rendering.ALLOWED_TAGS and name != "h1", name  # the page has the h1
        assert not re.search(r"\son[a-z]+\s*=", attributes), attributes
        for href in re.findall(r'href="([^"]*)"', attributes):
            target = "".join(href.split()).replace("&#x09;", "")
            assert not target.startswith(("javascript:", "vbscript:", "data:")), href


def test_each_attack_is_inert():
    for text in ATTACKS:
        _inert(rendering.render(text))


def test_script_is_shown_as_text_not_run():
    html = rendering.render("Let op: <script>alert(1)</script>")
    assert "&lt;script&gt;" in html
    assert "<script" not in html


def test_javascript_link_has_no_href():
    html = rendering.render("[klik](javascript:alert(1))")
    assert "href" not in html


def test_markdown_is_rendered_with_utrecht_classes_and_headings_one_lower():
    html = rendering.render(
        "# Kop\n\n## Sub\n\nTekst met **vet** en [link](https://example.org).\n\n- een\n- twee"
    )
    assert '<h2 class="utrecht-heading-2">Kop</h2>' in html
    assert '<h3 class="utrecht-heading-3">Sub</h3>' in html
    assert "<strong>vet</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert '<ul class="utrecht-unordered-list">' in html


def test_relative_and_mailto_links_stay():
    assert 'href="/kennisbank/"' in rendering.render("[kb](/kennisbank/)")
    assert 'href="mailto:info@example.org"' in rendering.render("[m](mailto:info@example.org)")


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("<>/\"'=: ajvscriptonerlodhf()[]!#*\n-")), max_size=80)
)
def test_any_text_renders_inert(text):
    _inert(rendering.render(text))


def test_line_diff():
    rows = rendering.line_diff("a\nb\nc", "a\nc\nd")
    assert ("-", "b") in rows and ("+", "d") in rows and (" ", "a") in rows


def test_tags_parse():
    assert tags.parse(" Huurtoeslag, medebewoner ,huurtoeslag,,") == (
        ["huurtoeslag", "medebewoner"],
        None,
    )
    assert tags.parse(",".join(f"t{i}" for i in range(13)))[1] == "too-many"
    assert tags.parse("x" * 41)[1] == "too-long"


def test_headings_follow_the_page_h1_without_a_skipped_level():
    """An article that starts at "##" or skips a level still reads h2, h3 under the page's h1
    (axe: heading-order)."""
    html = rendering.render("## Checklist\n\ntekst\n\n#### Detail")
    assert re.findall(r"<(h[1-6]) ", html) == ["h2", "h3"]
    assert 'class="utrecht-heading-2"' in html and 'class="utrecht-heading-3"' in html
    html = rendering.render("# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F")
    assert re.findall(r"<(h[1-6]) ", html) == ["h2", "h3", "h4", "h5", "h6", "h6"]
