"""The CBS municipality code (gemeentecode, `GM0344`) of each municipality an installation
serves, from `DOORBRAAK_MUNICIPALITY_CODES` (decision 0015): `gemeente-utrecht=GM0344`, more
separated by commas, keyed by the slug the open data already uses. Published open data carries
the code, so figures from separate installations (one database per municipality) can be put
side by side and joined with CBS figures. Pure Python: settings.py parses it at start-up."""

import re

CODE = re.compile(r"^GM\d{4}$")
SLUG = re.compile(r"^[a-z0-9-]+$")


def parse_codes(text: str) -> dict[str, str]:
    """{slug: code}; ValueError (naming the wrong part) for anything else."""
    codes: dict[str, str] = {}
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        slug, _, code = (p.strip() for p in part.partition("="))
        if not SLUG.match(slug) or not CODE.match(code) or slug in codes:
            raise ValueError(f"DOORBRAAK_MUNICIPALITY_CODES: expected slug=GM0000, got {part!r}")
        codes[slug] = code
    return codes
