"""A JSON parser that refuses, in Dutch and before any view runs, what would otherwise end in a
server error deeper down: nesting so deep that parsing recurses out of the stack, bodies
larger than Django accepts for forms, numbers too long to convert, and text that no database
or response can hold (lone surrogates, NUL characters)."""

import json
import re

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

#: Deepest nesting of lists and objects an API body may have. Our deepest body (a request
#: with a calculation: object → list → object → probability object) needs 4.
MAX_DEPTH = 32
_FORBIDDEN_TEXT = re.compile("[\x00\ud800-\udfff]")


def _strict_constant(name):
    raise ValueError(f"{name} is not valid JSON")


def text_problem(data) -> str | None:
    """Why `data` (parsed JSON) may not be accepted, in Dutch, or None. Iterative, so a deep
    structure costs no stack."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if _FORBIDDEN_TEXT.search(value):
                return _(
                    "The text contains characters that are not allowed (NUL or a lone surrogate)."
                )
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                return _("The body is nested too deeply (at most %(max)s levels).") % {
                    "max": MAX_DEPTH
                }
            items = value.items() if isinstance(value, dict) else ((None, v) for v in value)
            for key, item in items:
                if key is not None:
                    stack.append((key, depth))
                stack.append((item, depth + 1))
    return None


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser with limits; every refusal is a 400 with a Dutch `detail`."""

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(raw) > limit:
            raise ParseError(_("The body is too large."))
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise ParseError(_("The body is not valid text in UTF-8.")) from None
        try:
            data = json.loads(text, parse_constant=_strict_constant)
        except RecursionError:
            raise ParseError(
                _("The body is nested too deeply (at most %(max)s levels).") % {"max": MAX_DEPTH}
            ) from None
        except ValueError:
            raise ParseError(
                _("The body is not valid JSON (check brackets, quotes and numbers).")
            ) from None
        problem = text_problem(data)
        if problem:
            raise ParseError(problem)
        return data


def _form_problem(data) -> str | None:
    """The same text check over a parsed form (a QueryDict: every value of every key)."""
    return text_problem([[key, *data.getlist(key)] for key in data])


class FormParser(parsers.FormParser):
    """DRF's form parser, refusing NUL and lone surrogates as the JSON parser does."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        problem = _form_problem(data)
        if problem:
            raise ParseError(problem)
        return data


class MultiPartParser(parsers.MultiPartParser):
    """DRF's multipart parser, refusing NUL and lone surrogates in its fields."""

    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        problem = _form_problem(parsed.data)
        if problem:
            raise ParseError(problem)
        return parsed
