"""Synthetic BSNs that pass the 11-check, generated from a counter (no real numbers)."""


def valid_bsn(n: int) -> str:
    """The n-th synthetic 9-digit number that passes the BSN 11-check."""
    found = 0
    candidate = 900_000_000
    while True:
        digits = [int(c) for c in f"{candidate:09d}"]
        total = sum(d * w for d, w in zip(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1], strict=True))
        if total % 11 == 0:
            if found == n:
                return f"{candidate:09d}"
            found += 1
        candidate += 1
