"""Demo data for vroegsignalering (synthetic, issue 18): a few hundred payment-arrears signals
over the last seven months, imported by demo-teamleider through the real import, and worked
by demo-buurtteammedewerker and demo-gezinswerker: approached by letter, phone or visit, some
reached, a few accepted help (about the Divosa monitor's proportions, seed 002: most
approached, few reached), one made into a case. Every name, date and address is invented."""

import datetime
import io
import random

from django.utils import timezone

from doorbraak.accounts.models import User
from doorbraak.earlysignals import rows, services, workflow
from doorbraak.earlysignals.models import Signal

GIVEN = [
    "Anouk",
    "Bram",
    "Chantal",
    "Dirk",
    "Esra",
    "Fenna",
    "Gijs",
    "Hanna",
    "Ilias",
    "Joyce",
    "Kees",
    "Lotte",
    "Mohamed",
    "Nina",
    "Omar",
    "Petra",
    "Rik",
    "Sanne",
    "Tim",
    "Yara",
]
FAMILY = [
    "de Boer",
    "Jansen",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Kok",
    "Verbeek",
]
CREDITORS = {
    "zorgverzekeraar": ["Zorgverzekeraar Oost (demo)", "Gezond Verzekerd (demo)"],
    "verhuurder": ["Woonstichting De Kade (demo)", "Wooncorporatie Veldzicht (demo)"],
    "energie": ["Energie Twente (demo)", "Groenstroom BV (demo)"],
    "water": ["Waterbedrijf Oost (demo)"],
}
COUNT = 300


def demo_csv(count: int, seed: int = 18) -> str:
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    today = timezone.localdate()
    lines = [rows.DELIMITER.join(rows.HEADER)]
    for i in range(count):
        kind = rng.choice(list(CREDITORS))
        amount = rng.randint(80, 2400) + rng.randint(0, 99) / 100
        text = (
            f"{amount:.2f}"
            if i % 2
            else f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        )
        arrear = today - datetime.timedelta(days=rng.randint(60, 400))
        birth = datetime.date(rng.randint(1950, 2003), rng.randint(1, 12), rng.randint(1, 28))
        lines.append(
            rows.DELIMITER.join(
                [
                    kind,
                    rng.choice(CREDITORS[kind]),
                    text,
                    arrear.strftime("%d-%m-%Y"),
                    f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    birth.strftime("%d-%m-%Y"),
                    f"75{rng.randint(10, 99)} {rng.choice('ABCDEFGH')}{rng.choice('KLMNPR')}",
                    str(rng.randint(1, 250)),
                    f"06-{rng.randint(10000000, 99999999)}" if rng.random() < 0.7 else "",
                    f"demo{i}@voorbeeld.invalid" if rng.random() < 0.4 else "",
                ]
            )
        )
    return "\n".join(lines) + "\n"


def add_demo_earlysignals(users: dict[str, User]) -> dict[str, int]:
    rng = random.Random(1818)  # noqa: S311 - reproducible demo data, not security
    today = timezone.localdate()
    leader = users["demo-teamleider"]
    home = services.municipality_id_of(leader)
    workers = [
        user
        for user in (users["demo-buurtteammedewerker"], users["demo-gezinswerker"])
        if services.municipality_id_of(user) == home
    ] or [leader]
    data = demo_csv(COUNT).encode()
    services.signals_import(actor=leader, file=io.BytesIO(data), file_name="demo-signalen.csv")
    signals = list(Signal.objects.filter(first_import__imported_by=leader).order_by("pk"))
    for signal in signals:
        signal.received_on = today - datetime.timedelta(days=rng.randint(0, 210))
    Signal.objects.bulk_update(signals, ["received_on"])
    steps = 0
    made_case = False
    for signal in signals:
        age = (today - signal.received_on).days
        if age < 5 or rng.random() < 0.12:
            continue  # not yet approached (some of them past the term)
        worker = rng.choice(workers)
        on = signal.received_on + datetime.timedelta(days=rng.randint(1, min(age, 35)))
        method = rng.choice(workflow.METHODS)
        signal = services.signal_step(
            actor=worker, signal=signal, status=workflow.APPROACHED, method=method, on=on
        )
        steps += 1
        roll = rng.random()
        if roll < 0.55:
            continue
        later = min(today, on + datetime.timedelta(days=rng.randint(0, 14)))
        if roll < 0.85:
            services.signal_step(
                actor=worker,
                signal=signal,
                status=workflow.CLOSED,
                reason=rng.choice(["niet-bereikt", "opgelost", "al-in-hulp"]),
                on=later,
            )
            steps += 1
            continue
        services.signal_step(actor=worker, signal=signal, status=workflow.REACHED, on=later)
        steps += 1
        if rng.random() < 0.5:
            services.signal_step(actor=worker, signal=signal, status=workflow.ACCEPTED, on=later)
            steps += 1
            if not made_case:
                services.signal_make_case(actor=worker, signal=signal)
                made_case = True
    return {"early_signals": len(signals), "early_signal_steps": steps}
