"""Game benchmark (issue 18): one Op Maat session with 16 phones and the shared-screen board,
each polling every 2 s as the pages do (htmx), on the production stack (gunicorn, PostgreSQL,
DEBUG off). The team on turn rolls from its first phone (POST, then the phone page). Reports
the latency of every request: p50, p95 (target ≤ 200 ms), max, and the count per kind.

    DATABASE_URL=postgres://…/game_bench .venv/bin/python -m bench.game [--seconds 60]

The database needs the demo (`manage.py migrate && manage.py load_demo`): the players are
demo professionals (password "doorbraak"), the cases training copies of its closed requests."""

import argparse
import json
import os
import re
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from bench.web import BASE, ROOT, log_in, server_env, start_server, stop_server

PLAYERS = [
    "demo-gezinswerker", "demo-ayse", "demo-daan", "demo-lotte",
    "demo-buurtteammedewerker", "demo-joost", "demo-fatima", "demo-youssef",
    "demo-inkomensconsulent", "demo-bart", "demo-handhaver", "demo-regievoerder",
    "demo-tafellid", "demo-hanneke", "demo-peter", "demo-teamleider",
]  # fmt: skip
VERSION = re.compile(r"versie=(\d+)")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def make_session() -> int:
    """A fresh session at the board stage, made through the services."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "doorbraak.settings"
    import django

    django.setup()
    from doorbraak.accounts.models import User
    from doorbraak.game import services

    users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
    players = [users[name] for name in PLAYERS]
    lead = users["demo-projectleider"]
    session = services.session_start(
        actor=lead, title="Benchmark", teams=[players[i::4] for i in range(4)]
    )
    services.stage_next(actor=lead, session=session)
    services.stage_next(actor=lead, session=session)
    return session.pk


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.errors = 0

    def timed(self, kind: str, request, cookie: str) -> tuple[int, str]:
        request.add_header("Cookie", cookie)
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, body = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, body = error.code, ""
        elapsed = (time.perf_counter() - start) * 1000
        with self.lock:
            self.times.setdefault(kind, []).append(elapsed)
            if status >= 400:
                self.errors += 1
        return status, body


#: Seconds a team takes over its turn before it rolls: it reads the square and the chance card
#: and talks it over (a real turn takes longer; shorter makes every phone re-render more).
TURN_SECONDS = 6.0


def roll_if_on_turn(recorder: Recorder, pk: int, cookie: str, body: str) -> None:
    """The team's first phone, when its page or poll shows the dice form, rolls after the
    team's turn time, as its player would."""
    if "/gooien/" in body and (token := TOKEN.search(body)):
        time.sleep(TURN_SECONDS)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1)}).encode()
        recorder.timed(
            "roll (POST + phone page)",
            urllib.request.Request(f"{BASE}/spel/{pk}/gooien/", data=data),
            cookie,
        )


def phone(
    recorder: Recorder, pk: int, cookie: str, stop: float, offset: float, rolls: bool
) -> None:
    time.sleep(offset)
    _status, page = recorder.timed(
        "phone page", urllib.request.Request(f"{BASE}/spel/{pk}/"), cookie
    )
    version = VERSION.search(page).group(1) if VERSION.search(page) else "0"
    if rolls:
        roll_if_on_turn(recorder, pk, cookie, page)
    while time.monotonic() < stop:
        tick = time.monotonic()
        url = f"{BASE}/spel/{pk}/stand/?versie={version}&fase=bord"
        status, body = recorder.timed("phone poll", urllib.request.Request(url), cookie)
        if status == 200 and body:
            version = VERSION.search(body).group(1) if VERSION.search(body) else version
            if rolls:
                roll_if_on_turn(recorder, pk, cookie, body)
        time.sleep(max(0.0, 2.0 - (time.monotonic() - tick)))


def board(recorder: Recorder, pk: int, cookie: str, stop: float) -> None:
    version = "-1"
    while time.monotonic() < stop:
        tick = time.monotonic()
        url = f"{BASE}/spel/{pk}/bord/stand/?versie={version}"
        status, body = recorder.timed("board poll", urllib.request.Request(url), cookie)
        if status == 200:
            version = VERSION.search(body).group(1) if VERSION.search(body) else version
        time.sleep(max(0.0, 2.0 - (time.monotonic() - tick)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    env = server_env(os.environ["DATABASE_URL"])
    os.environ.update(env)
    pk = make_session()
    server = start_server(env, args.workers, ROOT / "bench" / "results" / "gunicorn-game.log")
    try:
        cookies = {name: log_in(name, "doorbraak") for name in [*PLAYERS, "demo-projectleider"]}
        recorder = Recorder()
        stop = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=phone, args=(recorder, pk, cookies[n], stop, i * 0.125, i < 4))
            for i, n in enumerate(PLAYERS)
        ]
        threads.append(
            threading.Thread(target=board, args=(recorder, pk, cookies["demo-projectleider"], stop))
        )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        stop_server(server)
    every = [t for ts in recorder.times.values() for t in ts]
    result = {
        "seconds": args.seconds,
        "workers": args.workers,
        "requests": len(every),
        "errors": recorder.errors,
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": round(percentile(every, 95), 1),
        "max_ms": round(max(every), 1),
        "per_kind": {
            kind: {
                "count": len(ts),
                "p50_ms": round(statistics.median(ts), 1),
                "p95_ms": round(percentile(ts, 95), 1),
            }
            for kind, ts in sorted(recorder.times.items())
        },
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
