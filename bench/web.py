"""Web benchmark: the production server setup (gunicorn, PostgreSQL, DEBUG off) under a
closed-loop load from wrk with 16 connections over case list, case detail, approval inbox and
request detail for a logged-in professional; and a bare Django view (session auth, one
trivial query) on the same stack in the same run. The ratio is the figure."""

import concurrent.futures
import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.stats import summary

HOST, PORT = "127.0.0.1", 8765
BASE = f"http://{HOST}:{PORT}"
ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")

LUA = """
local paths = {%(paths)s}
local cookies = {%(cookies)s}
local n = 0
request = function()
  n = n + 1
  local i = (n %% #paths) + 1
  return wrk.format("GET", paths[i], {["Cookie"] = cookies[i]})
end
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format('JSON{"rps": %%f, "p50": %%f, "p95": %%f, "p99": %%f, "errors": %%d}\\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
"""


def server_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DOORBRAAK_FIELD_ENCRYPTION_KEY": "YmVuY2gtb25seS1maWVsZC1lbmNyeXB0aW9uLWtleSE=",
        "DOORBRAAK_PSEUDONYM_KEY": "bench-only",
        "DOORBRAAK_BENCH": "1",
        "DJANGO_STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "DJANGO_LOG_LEVEL": "WARNING",
        "AXES_FAILURE_LIMIT": "1000",
    }


def start_server(env: dict, workers: int, log: Path) -> subprocess.Popen:
    with open(log, "wb") as handle:
        process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "-c",
                "python:doorbraak.gunicorn_conf",
                "doorbraak.wsgi",
                "-w",
                str(workers),
                "-b",
                f"{HOST}:{PORT}",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=handle,
        )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{BASE}/inloggen/", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise RuntimeError("gunicorn did not start: " + log.read_text()[-2000:])


def stop_server(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def log_in(username: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{BASE}/inloggen/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    opener.open(
        urllib.request.Request(
            f"{BASE}/inloggen/", data=data, headers={"Referer": f"{BASE}/inloggen/"}
        )
    )
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise RuntimeError(f"could not log in as {username}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


#: The pages of the mix without an id; every page a professional uses daily belongs here
#: (docs/architecture.md, "Fast pages"). The case, vote and request pages are added with ids.
FIXED_PAGES = (
    "/",
    "/meldingen/",
    "/casussen/",
    "/casussen/?weergave=alle",
    "/stemmen/",
    "/acties/",
    "/tafels/",
    "/signalen/",
    "/potjes/",
    "/let/",
)


#: The dashboard (issue 15) for the whole municipality, as its manager W&I sees it: a second
#: bench user (bench/generate/people.py), since a caseworker has no dashboard. Each of these
#: pages is in the mix once, with that user's session.
DASHBOARD_USER = "bench-manager"
DASHBOARD_PAGES = ("/cijfers/",)
#: the team leader of bench-worker's team (bench/generate/people.py: a team's first person)
TEAM_LEADER = "bench-user-1"


def bench_paths(env: dict, username: str) -> list[str]:
    """Pages of a real professional: their case list, cases, inbox and requests."""
    script = (
        "import django, json; django.setup()\n"
        "from doorbraak.accounts.models import User\n"
        "from doorbraak.cases.queries import visible_cases\n"
        "from doorbraak.approvals.queries import inbox\n"
        "from doorbraak.proposals.queries import visible_requests\n"
        f"u = User.objects.get(username={username!r})\n"
        "cases = list(visible_cases(u).order_by('-pk').values_list('pk', flat=True)[:10])\n"
        "asked = list(inbox(u).values_list('pk', flat=True)[:5])\n"
        "own = list(visible_requests(u).order_by('-pk').values_list('pk', flat=True)[:5])\n"
        "print(json.dumps([cases, asked, own]))\n"
    )
    out = subprocess.check_output(
        [PYTHON, "-c", script],
        env={**env, "DJANGO_SETTINGS_MODULE": "doorbraak.settings"},
        cwd=ROOT,
    )
    cases, asked, own = json.loads(out.decode().strip().splitlines()[-1])
    if not cases:
        raise RuntimeError(f"{username} sees no cases: run make bench-data first")
    paths = list(FIXED_PAGES)
    paths += [f"/casussen/{pk}/" for pk in cases]
    paths += [f"/stemmen/{pk}/" for pk in asked] + [f"/voorstellen/{pk}/" for pk in own]
    return paths


def wrk(paths: list[str], cookie: str | list[str], seconds: int, connections: int) -> dict:
    """`cookie`: one for every path, or a list with one per path."""
    cookies = [cookie] * len(paths) if isinstance(cookie, str) else cookie
    script = LUA % {
        "paths": ", ".join(json.dumps(p) for p in paths),
        "cookies": ", ".join(json.dumps(c) for c in cookies),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", handle.name, BASE],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    return json.loads(out.split("JSON", 1)[1].strip().splitlines()[0])


def _get(path: str, cookie: str) -> bool:
    """One GET of a whole page; whether it answered 200."""
    request = urllib.request.Request(BASE + path, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status == 200
    except OSError:
        return False


def probe(path: str, cookie: str, seconds: float, pause: float = 0.5) -> dict:
    """One person opening `path` again and again (a pause between views) while something
    else loads the server: the latency that person sees, without adding load of their own.
    Python's clock around a whole request (connect, wait for a worker, response)."""
    times, errors = [], 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        start = time.perf_counter()
        errors += not _get(path, cookie)
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(pause)
    times.sort()
    return {
        "p50": times[len(times) // 2],
        "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        "requests": len(times),
        "errors": errors,
    }


def run(
    database_url: str,
    *,
    repeats: int = 3,
    seconds: int = 15,
    connections: int = 16,
    workers: int = 4,
    username: str = "bench-worker",
    password: str = "doorbraak",
) -> dict:
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    env = server_env(database_url)
    log = ROOT / "bench" / "results" / "gunicorn.log"
    server = start_server(env, workers, log)
    try:
        cookie = log_in(username, password)
        paths = bench_paths(env, username)
        cookies = [cookie] * len(paths)
        try:
            manager = log_in(DASHBOARD_USER, password)
            leader = log_in(TEAM_LEADER, password)
        except RuntimeError:  # a database generated before the dashboard user existed
            manager = leader = None
        if manager is not None:
            paths += DASHBOARD_PAGES
            cookies += [manager] * len(DASHBOARD_PAGES)
        # Warm-up: long enough for every worker to finish loading the anonymiser in the
        # background (wsgi.py), which otherwise slows the first repetition to half speed.
        wrk(paths, cookies, 20, connections)
        web, bare, board, loaded, probed, team, floor = [], [], [], [], [], [], []
        for _ in range(repeats):
            web.append(wrk(paths, cookies, seconds, connections))
            bare.append(wrk(["/bench/bare/"], cookie, seconds, connections))
            if manager is not None:
                # the dashboard alone, four users at once (its own p95, issue 15)
                board.append(wrk(list(DASHBOARD_PAGES), manager, seconds, 4))
                # one municipal and one team dashboard user while the mix (the municipal
                # dashboard among its pages) runs; and one user of the bare view beside them:
                # the floor, what any page, however cheap, waits under this load
                with concurrent.futures.ThreadPoolExecutor(4) as pool:
                    mix = pool.submit(wrk, paths, cookies, seconds, connections)
                    of_team = pool.submit(probe, DASHBOARD_PAGES[0], leader, seconds - 1)
                    of_bare = pool.submit(probe, "/bench/bare/", cookie, seconds - 1)
                    probed.append(probe(DASHBOARD_PAGES[0], manager, seconds - 1))
                    team.append(of_team.result())
                    floor.append(of_bare.result())
                    mix.result()
                # and four dashboard users at once, beside the mix: more load than the mix
                with concurrent.futures.ThreadPoolExecutor(2) as pool:
                    mix = pool.submit(wrk, paths, cookies, seconds, connections)
                    loaded.append(wrk(list(DASHBOARD_PAGES), manager, seconds, 4))
                    mix.result()
    finally:
        stop_server(server)
    dashboard = (
        {
            "dashboard.rps": summary((r["rps"] for r in board), "req/s"),
            "dashboard.p50_ms": summary((r["p50"] for r in board), "ms"),
            "dashboard.p95_ms": summary((r["p95"] for r in board), "ms"),
            "dashboard.errors": summary((r["errors"] for r in board), "requests"),
            "dashboard_in_mix.p50_ms": summary((r["p50"] for r in probed), "ms"),
            "dashboard_in_mix.p95_ms": summary((r["p95"] for r in probed), "ms"),
            "dashboard_in_mix.requests": summary((r["requests"] for r in probed), "requests"),
            "dashboard_in_mix.errors": summary((r["errors"] for r in probed), "requests"),
            "team_dashboard_in_mix.p50_ms": summary((r["p50"] for r in team), "ms"),
            "team_dashboard_in_mix.p95_ms": summary((r["p95"] for r in team), "ms"),
            "team_dashboard_in_mix.errors": summary((r["errors"] for r in team), "requests"),
            "bare_in_mix.p50_ms": summary((r["p50"] for r in floor), "ms"),
            "bare_in_mix.p95_ms": summary((r["p95"] for r in floor), "ms"),
            "bare_in_mix.errors": summary((r["errors"] for r in floor), "requests"),
            "dashboard_under_mix.rps": summary((r["rps"] for r in loaded), "req/s"),
            "dashboard_under_mix.p50_ms": summary((r["p50"] for r in loaded), "ms"),
            "dashboard_under_mix.p95_ms": summary((r["p95"] for r in loaded), "ms"),
            "dashboard_under_mix.errors": summary((r["errors"] for r in loaded), "requests"),
        }
        if board
        else {}
    )
    return {
        **dashboard,
        "web.rps": summary((r["rps"] for r in web), "req/s"),
        "web.p50_ms": summary((r["p50"] for r in web), "ms"),
        "web.p95_ms": summary((r["p95"] for r in web), "ms"),
        "web.p99_ms": summary((r["p99"] for r in web), "ms"),
        "web.errors": summary((r["errors"] for r in web), "requests"),
        "bare.rps": summary((r["rps"] for r in bare), "req/s"),
        "bare.p95_ms": summary((r["p95"] for r in bare), "ms"),
        "web.ratio_vs_bare": summary(
            (w["rps"] / b["rps"] for w, b in zip(web, bare, strict=True)), "×"
        ),
        "web.pages": {
            "median": len(paths),
            "min": len(paths),
            "max": len(paths),
            "unit": "distinct URLs",
        },
    }


def worker_rss_kib(master: subprocess.Popen) -> tuple[int, int]:
    """(pid, resident memory in KiB) of the one worker of a gunicorn master."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    if len(children) != 1:
        raise RuntimeError(f"expected one gunicorn worker, found {children}")
    pid = int(children[0])
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return pid, int(line.split()[1])
    raise RuntimeError("no VmRSS")


def request_loop(paths: list[str], cookie: str, count: int) -> int:
    """`count` requests through the mix, one after the other; the number that failed."""
    return sum(not _get(paths[n % len(paths)], cookie) for n in range(count))


def memory(
    database_url: str, *, first: int = 1_000, total: int = 10_000, username: str = "bench-worker"
) -> dict:
    """The resident memory of one gunicorn worker after `first` and after `total` requests
    through the page mix. It must not grow: a page that keeps something per request (a cache
    without a bound, a list of queries) shows here."""
    env = server_env(database_url)
    server = start_server(env, 1, ROOT / "bench" / "results" / "gunicorn-memory.log")
    try:
        cookie = log_in(username, "doorbraak")
        paths = bench_paths(env, username)
        time.sleep(15)  # the worker loads the anonymiser in the background (wsgi.py)
        failed = request_loop(paths, cookie, first)
        pid, after_first = worker_rss_kib(server)
        failed += request_loop(paths, cookie, total - first)
        same_pid, after_total = worker_rss_kib(server)
        if same_pid != pid:
            raise RuntimeError("the worker was restarted during the memory run")
    finally:
        stop_server(server)
    return {
        f"memory.worker_mib_after_{first}": _single(after_first / 1024, "MiB"),
        f"memory.worker_mib_after_{total}": _single(after_total / 1024, "MiB"),
        "memory.growth_ratio": _single(after_total / after_first, "×"),
        "memory.failed_requests": _single(failed, "requests"),
    }


def _single(value, unit: str) -> dict:
    return {"median": value, "min": value, "max": value, "unit": unit}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="the web benchmark alone")
    parser.add_argument("database_url")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--memory", action="store_true", help="the worker memory run only")
    args = parser.parse_args()
    if args.memory:
        print(json.dumps(memory(args.database_url), indent=2))
    else:
        result = run(args.database_url, repeats=args.repeats, seconds=args.seconds)
        print(json.dumps(result, indent=2))
