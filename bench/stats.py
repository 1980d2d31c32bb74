"""Result records: median, min and max of repeated measurements."""

import statistics


def summary(values, unit: str) -> dict:
    values = list(values)
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
        "unit": unit,
    }
