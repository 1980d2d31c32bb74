"""Tags of an article: typed as one line, separated by commas. Pure Python."""


def parse(text: str, *, max_tags: int = 12, max_length: int = 40) -> tuple[list[str], str | None]:
    """(tags, problem): lower-case, trimmed, duplicates once, in the order typed. `problem` is
    "too-many" or "too-long" when the input breaks a limit, else None."""
    tags: list[str] = []
    for part in (text or "").split(","):
        tag = " ".join(part.split()).lower()
        if not tag or tag in tags:
            continue
        if len(tag) > max_length:
            return [], "too-long"
        tags.append(tag)
    if len(tags) > max_tags:
        return [], "too-many"
    return tags, None
