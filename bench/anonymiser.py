"""Anonymiser benchmark: `doorbraak-anonymise` against plain deduce on the same notes.

Each run starts a fresh subprocess, feeds it every note as a JSON line on stdin and records
when each output line arrives. The warm start is the time from process start until the first
output line (loading the model plus one note); throughput is the remaining notes divided by
the time from the first to the last output line. "Warm" means the OS file cache is warm: one
untimed run of each tool goes first.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
ANONYMISE = VENV_BIN / "doorbraak-anonymise"
NOTE_COUNT = 300
SEED = 7

DEDUCE_SCRIPT = """
import json, sys
from deduce import Deduce
deduce = None
for raw in sys.stdin.buffer:
    if not raw.strip():
        continue
    note = json.loads(raw)
    if deduce is None:
        deduce = Deduce()
    text = deduce.deidentify(note["text"]).deidentified_text
    sys.stdout.write(json.dumps({"id": note["id"], "text": text}) + "\\n")
    sys.stdout.flush()
"""

GIVEN_NAMES = [
    "Fenna", "Daan", "Sanne", "Mohammed", "Yara", "Bram", "Noor", "Lotte", "Samira", "Jesse",
    "Anouk", "Ilias", "Femke", "Thijs", "Zeynep", "Ruben", "Esmée", "Kofi", "Liv", "Mees",
]  # fmt: skip
FAMILY_NAMES = [
    "Zwaluwstaart", "Jansen", "de Vries", "Bakker", "El Amrani", "van Dijk", "Visser",
    "Kwakernaak", "Smit", "Yilmaz", "Meulenbelt", "Brouwer", "Hoekstra", "Verbeek",
]  # fmt: skip
STREETS = [
    "Kerkstraat", "Oude Gracht", "Van Lennepkade", "Burgemeester Reigerstraat", "Lindelaan",
    "Molenweg", "Prinsengracht", "Vlierstraat",
]  # fmt: skip
CITIES = ["Amersfoort", "Utrecht", "Zwolle", "Almere", "Tilburg", "Nijmegen", "Leiden"]
ORGANISATIONS = [
    "UWV", "Woonstichting Voorbeeld", "Belastingdienst/Toeslagen", "SVB", "DUO", "CJIB",
    "Zilveren Kruis", "Kredietbank", "Leger des Heils", "Veilig Thuis",
]  # fmt: skip
PROBLEMS = [
    "dreigt met ontruiming wegens een huurachterstand van {amount}",
    "heeft de uitkering stopgezet; er is een gat van {amount} per maand",
    "vordert {amount} aan toeslag terug",
    "heeft een betalingsregeling voorgesteld voor {amount}",
    "stuurt een aanmaning van {amount} met incassokosten",
]
REQUESTS = [
    "Wij vragen bijzondere bijstand uit het Minimaatwerkbudget.",
    "Verzoek om de achterstand eenmalig te betalen op grond van de hardheidsclausule.",
    "Graag een overbruggingsbedrag tot de Participatiewet-uitkering loopt.",
    "Vraag: een nieuwe wasmachine en bed voor de kinderen (categorie wonen).",
]


def _amount(rng: random.Random) -> str:
    euros = rng.randint(40, 6000)
    if rng.random() < 0.5:
        return f"€ {euros:,}".replace(",", ".") + ",00"
    return f"{euros} euro"


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"06-{rng.randint(10_000_000, 99_999_999)}"
    return f"0{rng.randint(10, 79)}-{rng.randint(1_000_000, 9_999_999)}"


def _note(rng: random.Random) -> str:
    given, family = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
    child = rng.choice(GIVEN_NAMES)
    letters = rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABDEHJLNRSTX")
    postcode = f"{rng.randint(1000, 9999)} {letters}"
    organisation = rng.choice(ORGANISATIONS)
    problem = rng.choice(PROBLEMS).format(amount=_amount(rng))
    parts = [
        f"{given} {family} (geb. {rng.randint(1, 28)}-{rng.randint(1, 12):02d}-"
        f"{rng.randint(1960, 2002)}) woont met {child} aan de {rng.choice(STREETS)} "
        f"{rng.randint(1, 180)}, {postcode} {rng.choice(CITIES)}.",
        f"Tel. {_phone(rng)}, {given.lower()}.{rng.randint(1, 99)}@voorbeeld.nl.",
        f"{organisation} {problem}.",
        rng.choice(REQUESTS),
    ]
    if rng.random() < 0.5:
        parts.append(
            f"Mevrouw {rng.choice(FAMILY_NAMES)} van {rng.choice(ORGANISATIONS)} is op de "
            f"hoogte; {child} is {rng.randint(2, 17)} jaar."
        )
    if rng.random() < 0.3:
        parts.append(f"Uiterlijk {rng.randint(1, 28)} april 2026 beslissen.")
    return " ".join(parts)


def notes(count: int = NOTE_COUNT, seed: int = SEED) -> list[str]:
    """Deterministic synthetic Dutch social-domain notes (invented data only)."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    return [_note(rng) for _ in range(count)]


def _timed_run(command: list[str], texts: list[str]) -> tuple[float, float]:
    """Run `command` on all texts; return (seconds to first line, notes/s after it)."""
    payload = b"".join(
        json.dumps({"id": i, "text": text}).encode() + b"\n" for i, text in enumerate(texts)
    )
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own fixed commands
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    )

    def feed() -> None:
        try:
            process.stdin.write(payload)
        finally:
            process.stdin.close()

    stderr: list[bytes] = []
    feeder = threading.Thread(target=feed, daemon=True)
    drainer = threading.Thread(target=lambda: stderr.append(process.stderr.read()), daemon=True)
    feeder.start()
    drainer.start()
    stamps = []
    for line in process.stdout:
        if not line.startswith(b"{"):
            continue  # a library's own message (deduce announces building its cache)
        stamps.append(time.perf_counter())
        if b'"error"' in line:
            raise RuntimeError(f"{command[0]}: {line.decode()[:200]}")
    process.wait()
    feeder.join()
    drainer.join()
    if process.returncode != 0 or len(stamps) != len(texts):
        raise RuntimeError(
            f"{command[0]} exited {process.returncode} after {len(stamps)} of {len(texts)} "
            f"lines: {b''.join(stderr).decode()[-500:]}"
        )
    warm_start = stamps[0] - start
    rate = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    return warm_start, rate


def _figure(values: list[float], unit: str, median: float | None = None) -> dict:
    return {
        "median": statistics.median(values) if median is None else median,
        "min": min(values),
        "max": max(values),
        "unit": unit,
    }


def run(repeats: int = 5) -> dict:
    texts = notes()
    tools = {
        "anonymiser": [str(ANONYMISE)],
        "deduce": [sys.executable, "-c", DEDUCE_SCRIPT],
    }
    for command in tools.values():  # untimed: warms the file cache
        _timed_run(command, texts[:1])
    starts: dict[str, list[float]] = {name: [] for name in tools}
    rates: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(repeats):
        for name, command in tools.items():  # interleaved, so drift hits both alike
            warm_start, rate = _timed_run(command, texts)
            starts[name].append(warm_start)
            rates[name].append(rate)
    ratios = [a / d for a, d in zip(rates["anonymiser"], rates["deduce"], strict=True)]
    result = {}
    for name in tools:
        result[f"{name}.notes_per_s"] = _figure(rates[name], "notes/s")
        result[f"{name}.warm_start_s"] = _figure(starts[name], "s")
    result["anonymiser.ratio_vs_deduce"] = _figure(
        ratios,
        "×",
        median=statistics.median(rates["anonymiser"]) / statistics.median(rates["deduce"]),
    )
    return {
        key: result[key]
        for key in (
            "anonymiser.notes_per_s",
            "anonymiser.warm_start_s",
            "deduce.notes_per_s",
            "deduce.warm_start_s",
            "anonymiser.ratio_vs_deduce",
        )
    }


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 5), indent=2))
