"""Recall and keep-rate of the anonymiser on the labelled synthetic notes.

A span to remove counts as removed when every letter and digit in it lies inside a redacted
span; a span to keep counts as kept when no character of it does.

    PYTHONPATH=src python -m doorbraak.privacy.evaluation [--count 400] [--seed 2026] [--show]

prints the table in docs/anonymiser.md (with --show, also every miss).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import dataclass, field

from doorbraak.privacy.synthetic import KEEP_KINDS, PLATFORM_TERMS, REMOVE_KINDS, Note, notes


@dataclass
class Scores:
    total: Counter = field(default_factory=Counter)
    good: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # kind, span, output
    seconds: float = 0.0

    def rate(self, kinds) -> float:
        total = sum(self.total[k] for k in kinds)
        return sum(self.good[k] for k in kinds) / total if total else 1.0

    @property
    def recall(self) -> float:
        return self.rate(REMOVE_KINDS)

    @property
    def keep(self) -> float:
        return self.rate(KEEP_KINDS)


def _covered(redacted: list[tuple[int, int]], length: int) -> bytearray:
    mask = bytearray(length)
    for start, end in redacted:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def score(anonymiser, corpus: list[Note], keep=tuple(PLATFORM_TERMS)) -> Scores:
    scores = Scores()
    started = time.perf_counter()
    results = [anonymiser.anonymise(n.text, names=n.names, keep=keep) for n in corpus]
    scores.seconds = time.perf_counter() - started
    for note, result in zip(corpus, results, strict=True):
        mask = _covered([(s, e) for s, e, _k in result.spans], len(note.text))
        for start, end, kind, role in note.spans:
            scores.total[kind] += 1
            if role == "remove":
                ok = all(mask[i] or not note.text[i].isalnum() for i in range(start, end))
            else:
                ok = not any(mask[start:end])
            if ok:
                scores.good[kind] += 1
            else:
                scores.misses.append((kind, note.text[start:end], result.text))
    return scores


def table(scores: Scores) -> str:
    lines = ["| kind | what | spans | rate |", "|---|---|---:|---:|"]
    for role, kinds in (("remove", REMOVE_KINDS), ("keep", KEEP_KINDS)):
        for kind in kinds:
            lines.append(
                f"| `{kind}` | {role} | {scores.total[kind]} | {scores.rate([kind]):.1%} |"
            )
    lines.append(
        f"| **all identifying** | recall | {sum(scores.total[k] for k in REMOVE_KINDS)} "
        f"| **{scores.recall:.2%}** |"
    )
    lines.append(
        f"| **all needed** | keep-rate | {sum(scores.total[k] for k in KEEP_KINDS)} "
        f"| **{scores.keep:.2%}** |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    from doorbraak.privacy.anonymiser import Anonymiser  # noqa: PLC0415 - loads deduce

    corpus = notes(args.count, args.seed)
    scores = score(Anonymiser(), corpus)
    if args.show:
        for kind, span, output in scores.misses:
            print(f"{kind}: {span!r}\n    {output}\n")
    print(table(scores))
    print(f"\n{len(corpus)} notes in {scores.seconds:.2f} s")


if __name__ == "__main__":
    main()
