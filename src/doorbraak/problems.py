"""Turning a rule module's `(field, code)` problems into a ValidationError dict.

The pure rule modules report problems as codes; each app's `messages.py` holds the Dutch text
for its codes and passes its own `message` function here.
"""

from collections.abc import Callable, Iterable


def by_field(
    problems: Iterable[tuple[str, str]], message: Callable[..., str], **params
) -> dict[str, list[str]]:
    """`{field: [message, ...]}` in the order the problems came."""
    out: dict[str, list[str]] = {}
    for field, code in problems:
        out.setdefault(field, []).append(message(code, **params))
    return out
