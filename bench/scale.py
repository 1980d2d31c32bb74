"""Scale-out test (issue 19, items 2-3): `make scale-test` (scripts/scale-test.sh).

On loopback: PostgreSQL (scripts/local-postgres.sh), PgBouncer in transaction pooling in front
of it, Redis, N gunicorn instances, nginx load balancing over them (retrying idempotent
requests on another instance), a Celery worker and beat. All of Doorbraak talks to the
database through PgBouncer only.

1. Throughput: the page mix of a professional (bench/web.py) through nginx with 1, 2 and 4
   instances, wrk for `--seconds` each; the ratios 2/1 and 4/1 are the figures.
2. Failure: with 2 instances, wrk (GETs) runs while POST clients create maatwerk requests
   with an `Idempotency-Key` each (retrying the same key after a 502 or a lost connection),
   PDFs are asked for (one Celery task each), one instance is killed with SIGKILL and restarted,
   and the Celery worker is killed with SIGKILL and restarted.

3. Scheduled tasks: beat runs a short schedule (DOORBRAAK_BEAT_FAST: the probe task
   `schedule.tasks.tick` every `--beat-period` seconds, the hourly `flag_overdue` every two),
   so slots fall due while the worker is dead; after the failure run the worker is killed once
   more in the middle of a probe run, with Redis's visibility timeout short
   (DOORBRAAK_BROKER_VISIBILITY_TIMEOUT) so its message comes back within the run.

Afterwards it checks: no failed GET (wrk's error count 0), every POST key made exactly one
request (none lost, none doubled), the ledger replays to the stored balances, every document
task ran to one file exactly once (one file per document in the shared storage), each
document downloads through nginx from whichever instance answers, and every slot beat sent
ran exactly once (`check_slots`: one done TaskRun per slot, none lost, none extra, no slot of
the grid skipped between the first and the last, and the probe's counter equal to its slots).
Exit status 1 on a failure. Results in var/scale/latest.json.

`--quick` (a few minutes once the demo template exists): two instances only, no throughput
runs; the failure run and every check as above.
"""

import argparse
import contextlib
import json
import math
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

from bench.web import LUA, bench_paths, server_env

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
USER = "demo-gezinswerker"
PASSWORD = "doorbraak"
IBAN = "NL91ABNA0417164300"  # the standard example IBAN from the IBAN registry
VISIBILITY_TIMEOUT = 20  # seconds: a killed worker's unacknowledged messages come back
PROBE_TASK = "doorbraak.schedule.tasks.tick"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60, headers: dict | None = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


class Stack:
    def __init__(self, work: Path, database_url: str, beat_period: float = 2.0):
        self.work = work
        self.beat_period = beat_period
        self.processes: dict[str, subprocess.Popen] = {}
        self.database_url = database_url
        self.ports = {
            "redis": free_port(),
            "pgbouncer": free_port(),
            "nginx": free_port(),
            "web": [free_port() for _ in range(4)],
        }
        self.base = f"http://{HOST}:{self.ports['nginx']}"

    # --- processes ---------------------------------------------------------------------------
    def spawn(self, name: str, argv: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.work / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            argv, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes[name] = process
        return process

    def kill(self, name: str, sig=signal.SIGKILL) -> None:
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, sig)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.kill(name, signal.SIGTERM)

    # --- services ----------------------------------------------------------------------------
    def start_redis(self) -> None:
        (self.work / "metrics").mkdir(exist_ok=True)
        self.spawn(
            "redis",
            ["redis-server", "--port", str(self.ports["redis"]), "--bind", HOST, "--save", "",
             "--appendonly", "no", "--dir", str(self.work)],
        )  # fmt: skip
        for _ in range(100):
            ping = subprocess.run(
                ["redis-cli", "-p", str(self.ports["redis"]), "ping"], capture_output=True
            )
            if ping.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("redis did not start")

    def start_pgbouncer(self) -> None:
        upstream = psycopg.conninfo.conninfo_to_dict(self.database_url)
        (self.work / "userlist.txt").write_text('"postgres" ""\n')
        (self.work / "pgbouncer.ini").write_text(
            f"""[databases]
* = host={upstream["host"]} port={upstream["port"]}

[pgbouncer]
listen_addr = {HOST}
listen_port = {self.ports["pgbouncer"]}
unix_socket_dir =
auth_type = trust
auth_file = {self.work}/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 24
server_reset_query =
ignore_startup_parameters = extra_float_digits
logfile = {self.work}/pgbouncer-own.log
pidfile = {self.work}/pgbouncer.pid
"""
        )
        argv = ["pgbouncer", str(self.work / "pgbouncer.ini")]
        if os.getuid() == 0:  # PgBouncer refuses to run as root
            argv[1:1] = ["-u", "postgres"]
        self.spawn("pgbouncer", argv)
        for _ in range(100):
            try:
                psycopg.connect(self.pooled_url(), connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                time.sleep(0.1)
        raise RuntimeError("pgbouncer did not start: " + self.log("pgbouncer"))

    def pooled_url(self) -> str:
        name = self.database_url.rsplit("/", 1)[1]
        return f"postgres://postgres@{HOST}:{self.ports['pgbouncer']}/{name}"

    def env(self) -> dict:
        return {
            **server_env(self.pooled_url()),
            "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
            "DOORBRAAK_REDIS_URL": f"redis://{HOST}:{self.ports['redis']}/0",
            # Debian's PgBouncer (1.18) cannot carry prepared statements in transaction mode;
            # 1.21+ can with max_prepared_statements (docs/operations.md, Scaling).
            "DOORBRAAK_DB_PREPARED": "0",
            "DOORBRAAK_STORAGE": f"file://{self.work}/media",
            "DOORBRAAK_JSON_LOGS": "0",
            "DOORBRAAK_ACCESS_LOG": "0",
            "DOORBRAAK_BENCH": "0",
            "PROMETHEUS_MULTIPROC_DIR": str(self.work / "metrics"),  # else its files land in cwd
            "WEB_CONCURRENCY": "1",  # one worker per instance: N instances, N workers
            # Scheduled tasks due every few seconds, and a dead worker's messages back within
            # the run instead of after the production visibility timeout (settings.py).
            "DOORBRAAK_BEAT_FAST": str(self.beat_period),
            "DOORBRAAK_BROKER_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            # a PDF whose message was lost in the kill is sent again by the sweep (after the
            # redelivery of an unacknowledged one would have come)
            "DOORBRAAK_DOCUMENT_REQUEUE_AFTER": str(2 * VISIBILITY_TIMEOUT),
        }

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [str(BIN / "python"), "-m", "doorbraak.manage", *args],
            env={**self.env(), "DJANGO_DEBUG": "0"},
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise RuntimeError(f"manage {' '.join(args)}: {done.stderr[-3000:]}")
        return done.stdout

    def start_web(self, index: int) -> None:
        port = self.ports["web"][index]
        self.spawn(
            f"web{index}",
            [str(BIN / "gunicorn"), "-c", "python:doorbraak.gunicorn_conf", "doorbraak.wsgi",
             "-b", f"{HOST}:{port}", "--log-level", "warning", "--timeout", "60"],
            env=self.env(),
        )  # fmt: skip
        wait_for(f"http://{HOST}:{port}/health/ready", 600)

    def start_celery(self, name: str) -> None:
        argv = [str(BIN / "celery"), "-A", "doorbraak.jobs"]
        if name == "worker":
            argv += ["worker", "--concurrency", "2", "--loglevel", "INFO", "-n", "scale@%h"]
        else:
            argv += ["beat", "--loglevel", "INFO", "--schedule", str(self.work / "beat-schedule")]
        self.spawn(name, argv, env=self.env())

    def nginx(self, instances: int) -> None:
        servers = "\n".join(
            f"    server {HOST}:{port} max_fails=1 fail_timeout=2s;"
            for port in self.ports["web"][:instances]
        )
        temp = self.work / "nginx-temp"
        temp.mkdir(exist_ok=True)
        temp.chmod(0o777)
        (self.work / "nginx.conf").write_text(
            f"""worker_processes 2;
pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {temp}/body;
  proxy_temp_path {temp}/proxy;
  fastcgi_temp_path {temp}/fastcgi;
  uwsgi_temp_path {temp}/uwsgi;
  scgi_temp_path {temp}/scgi;
  upstream doorbraak {{
{servers}
    keepalive 32;
  }}
  server {{
    listen {HOST}:{self.ports["nginx"]};
    location / {{
      proxy_pass http://doorbraak;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      # An instance that dies: GET/HEAD go to the next one; a POST only when it was never
      # sent (no non_idempotent), so a client retries it with its Idempotency-Key.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 4;
      proxy_connect_timeout 1s;
      proxy_read_timeout 60s;
    }}
  }}
}}
"""
        )
        if "nginx" in self.processes:
            self.kill("nginx", signal.SIGQUIT)
        self.spawn(
            "nginx",
            ["nginx", "-p", str(self.work), "-c", str(self.work / "nginx.conf"),
             "-g", "daemon off;"],
        )  # fmt: skip
        wait_for(f"{self.base}/health/live")

    def log(self, name: str) -> str:
        path = self.work / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


# --- clients ---------------------------------------------------------------------------------
def call(base: str, method: str, path: str, body=None, headers: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        base + path,
        data=data,
        method=method,
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def log_in(base: str) -> str:
    import http.cookiejar
    import re
    import urllib.parse

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/inloggen/").read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"username": USER, "password": PASSWORD, "csrfmiddlewaretoken": csrf}
    ).encode()
    opener.open(urllib.request.Request(f"{base}/inloggen/", data=data))
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise RuntimeError(f"could not log in as {USER}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def wrk(base: str, paths: list[str], cookie: str, seconds: int, connections: int = 8):
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(
        LUA
        % {
            "paths": ", ".join(json.dumps(p) for p in paths),
            "cookies": ", ".join(json.dumps(cookie) for _ in paths),  # bench/web.py's LUA
        }
    )
    process = subprocess.Popen(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s",
         str(script), base],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip

    def result() -> dict:
        out = process.communicate()[0]
        script.unlink()
        parsed = json.loads(out.split("JSON", 1)[1].strip().splitlines()[0])
        parsed["wrk"] = out.split("JSON", 1)[0].strip().splitlines()[-4:]
        return parsed

    return result


class Poster(threading.Thread):
    """Creates maatwerk requests, one Idempotency-Key each, retrying a key until answered."""

    def __init__(self, base, token, body, name, stop):
        super().__init__(daemon=True)
        self.base, self.token, self.body, self.prefix, self.stop = base, token, body, name, stop
        self.made: dict[str, int] = {}
        self.retries = 0
        self.conflicts: list[str] = []

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            key = f"{self.prefix}-{n}"
            for _ in range(200):
                try:
                    status, body, _ = call(
                        self.base, "POST", "/api/v1/requests/", self.body,
                        {"Authorization": f"Token {self.token}", "Idempotency-Key": key},
                    )  # fmt: skip
                except OSError:
                    status, body = 0, b""
                if status in (200, 201):
                    self.made[key] = json.loads(body)["id"]
                    break
                if status == 409:
                    self.conflicts.append(key)
                    break
                self.retries += 1
                time.sleep(0.2)


# --- checks ----------------------------------------------------------------------------------
LEDGER_SQL = """
SELECT (SELECT coalesce(json_agg(x ORDER BY x.fund_id, x.kind), '[]') FROM (
  SELECT a.fund_id, a.kind, a.balance_cents AS stored,
         coalesce((SELECT sum(e.amount_cents) FROM funds_ledgerentry e
                   WHERE e.account_id = a.id), 0) AS replayed
  FROM funds_ledgeraccount a) x)
"""


def django_script(stack: Stack, code: str) -> dict:
    script = "import django, json; django.setup()\n" + code
    out = subprocess.check_output(
        [str(BIN / "python"), "-c", script],
        env={**stack.env(), "DJANGO_SETTINGS_MODULE": "doorbraak.settings"},
        cwd=ROOT,
        text=True,
    )
    return json.loads(out.strip().splitlines()[-1])


SETUP = f"""
from doorbraak.accounts.models import User
from doorbraak.cases.queries import visible_cases
from doorbraak.cases.models import CaseStatus
from doorbraak.proposals.models import LegalGround, Request
from rest_framework.authtoken.models import Token
u = User.objects.get(username={USER!r})
case = visible_cases(u).filter(status=CaseStatus.OPEN).order_by("pk").first()
ground = LegalGround.objects.get(law="Participatiewet", article="art. 18 lid 1")
token, _ = Token.objects.get_or_create(user=u)
print(json.dumps({{"case": case.pk, "ground": ground.pk, "token": token.key,
                   "requests": Request.objects.count()}}))
"""

ASK_DOCUMENTS = f"""
from doorbraak.accounts.models import User
from doorbraak.documents.services import document_request
from doorbraak.proposals.models import Request
u = User.objects.get(username={USER!r})
ids = list(Request.objects.filter(idempotency_key__startswith="%s-").order_by("pk")
           .values_list("pk", flat=True)[:%d])
docs = [document_request(actor=u, kind="onderbouwing", object_id=pk).pk for pk in ids]
print(json.dumps(docs))
"""

AFTER = """
from collections import Counter
from django.core.files.storage import default_storage
from doorbraak.documents.models import Document
from doorbraak.proposals.models import Request
keys = Counter(Request.objects.filter(idempotency_key__startswith="%s-")
               .values_list("idempotency_key", flat=True))
docs = {str(d.pk): [d.status, d.file.name] for d in Document.objects.filter(pk__in=%s)}
_, files = default_storage.listdir("documents") if default_storage.exists("documents") else ([], [])
print(json.dumps({"keys": keys, "docs": docs, "files": files}))
"""

# --- scheduled tasks: every slot beat sent ran exactly once ----------------------------------
SLOT_LINE = re.compile(r"Scheduler: slot (\S+) of (\S+) \((\S+)\)")  # beat.SlotScheduler

RUNS = """
from doorbraak.schedule.models import TaskRun, Tick
runs = {}
for name, slot, status, again in TaskRun.objects.values_list("name", "slot", "status",
                                                             "redelivered"):
    by = runs.setdefault(name, {})
    by.setdefault(status, []).append(slot.isoformat())
    if again and status == "uitgevoerd":
        by.setdefault("redelivered", []).append(slot.isoformat())
ticks = Tick.objects.filter(name="tick").values_list("count", flat=True).first() or 0
print(json.dumps({"runs": runs, "ticks": ticks}))
"""


def sent_slots(beat_log: str) -> dict[str, list[str]]:
    """Task name -> the slots beat sent it for, from beat's log lines (in order)."""
    sent: dict[str, list[str]] = {}
    for slot, _entry, task in SLOT_LINE.findall(beat_log):
        sent.setdefault(task, []).append(slot)
    return sent


def _at(value: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(value).timestamp()


def check_slots(
    sent: dict[str, list[str]], runs: dict, periods: dict[str, float], ticks: int | None = None
) -> tuple[list[str], dict]:
    """Every slot beat sent ran exactly once: one done TaskRun per sent slot (none lost, none
    twice, none beat never sent), beat skipped no point of its grid between its first and last
    send (tasks in `periods`), and the probe's counter (`ticks`, its non-idempotent effect)
    equals its done slots. Returns (failures, a summary per task)."""
    failures, summary = [], {}
    for task, slots in sorted(sent.items()):
        by = runs.get(task, {})
        done = [_at(v) for v in by.get("uitgevoerd", [])]
        wanted = [_at(v) for v in slots]
        twice = sorted({t for t in done if done.count(t) > 1})
        lost = sorted(set(wanted) - set(done))
        extra = sorted(set(done) - set(wanted))
        beat_twice = sorted({t for t in wanted if wanted.count(t) > 1})
        if twice:
            failures.append(f"{task}: slots run twice: {twice[:5]}")
        if lost:
            failures.append(f"{task}: {len(lost)} slots sent but not run: {lost[:5]}")
        if extra:
            failures.append(f"{task}: slots run that beat never sent: {extra[:5]}")
        if beat_twice:
            failures.append(f"{task}: beat sent a slot twice: {beat_twice[:5]}")
        skipped_grid = []
        if task in periods and wanted:
            period = periods[task]
            first, last = min(wanted), max(wanted)
            grid = {first + i * period for i in range(round((last - first) / period) + 1)}
            skipped_grid = sorted(grid - set(wanted))
            if skipped_grid or any(not math.isclose(t % period, 0, abs_tol=1e-6) for t in wanted):
                failures.append(f"{task}: beat left grid points out: {skipped_grid[:5]}")
        summary[task] = {
            "sent": len(wanted),
            "done": len(done),
            "skipped_duplicates": len(by.get("overgeslagen", [])),
            "failed_attempts": len(by.get("mislukt", [])),
            "done_from_a_redelivered_message": len(by.get("redelivered", [])),
            "first": min(slots) if slots else None,
            "last": max(slots) if slots else None,
        }
    if ticks is not None and PROBE_TASK in summary:
        summary[PROBE_TASK]["counter"] = ticks
        if ticks != summary[PROBE_TASK]["done"]:
            failures.append(
                f"probe counter {ticks} for {summary[PROBE_TASK]['done']} done slots: "
                "a run counted twice or a done slot without its effect"
            )
    return failures, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", default=os.environ.get("DOORBRAAK_SCALE_DB_URL"))
    parser.add_argument("--seconds", type=int, default=15, help="wrk time per throughput run")
    parser.add_argument("--failure-seconds", type=int, default=30)
    parser.add_argument("--documents", type=int, default=12)
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--fresh", action="store_true", help="rebuild the demo template")
    parser.add_argument(
        "--quick", action="store_true", help="two instances, no throughput runs: the checks only"
    )
    parser.add_argument(
        "--beat-period", type=float, default=2.0, help="seconds between the probe's slots"
    )
    args = parser.parse_args()
    started = time.monotonic()
    if not args.database_url:
        base = subprocess.check_output([str(ROOT / "scripts" / "local-postgres.sh")], text=True)
        args.database_url = base.strip().rsplit("/", 1)[0] + "/doorbraak_scale"
    name = args.database_url.rsplit("/", 1)[1]
    admin = args.database_url.rsplit("/", 1)[0] + "/postgres"
    template = f"{name}_template"  # the migrated demo city, kept for the next run
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if args.fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
        have_template = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [template]
        ).fetchone()
        conn.execute(
            f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if have_template else "")
        )
    work = Path(tempfile.mkdtemp(prefix="doorbraak-scale-"))
    work.chmod(0o777)
    stack = Stack(work, args.database_url, args.beat_period)
    results: dict = {"work": str(work)}
    failures: list[str] = []
    try:
        stack.start_redis()
        stack.start_pgbouncer()
        t = time.monotonic()
        stack.manage("migrate", "--noinput")  # through PgBouncer, like everything else
        if not have_template:
            stack.manage("load_demo", "--force")
            stack.kill("pgbouncer", signal.SIGTERM)  # it holds server connections to the copy
            for attempt in range(50):  # until PostgreSQL has seen PgBouncer's sessions end
                try:
                    with psycopg.connect(admin, autocommit=True) as conn:
                        conn.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
                    break
                except psycopg.errors.ObjectInUse:
                    if attempt == 49:
                        raise
                    time.sleep(0.2)
            stack.start_pgbouncer()
        results["template_reused"] = bool(have_template)
        results["setup_seconds"] = round(time.monotonic() - t, 1)
        setup = django_script(stack, SETUP)
        stack.start_celery("worker")
        stack.start_celery("beat")
        for i in range(2 if args.quick else 4):
            stack.start_web(i)
        stack.nginx(1)
        cookie = log_in(stack.base)
        paths = bench_paths(stack.env(), USER)

        # 1. throughput through nginx with 1, 2, 4 instances (not with --quick)
        throughput = {}
        for instances in () if args.quick else (1, 2, 4):
            stack.nginx(instances)
            wrk(stack.base, paths, cookie, 3)()  # warm up the new connections
            throughput[instances] = wrk(stack.base, paths, cookie, args.seconds, 8)()
            if throughput[instances]["errors"]:
                failures.append(f"{instances} instances: {throughput[instances]['errors']} errors")
        if throughput:
            results["throughput"] = throughput
            results["ratios"] = {
                f"{n}/1": round(throughput[n]["rps"] / throughput[1]["rps"], 2) for n in (2, 4)
            }

        # 2. failure: 2 instances, GETs + POSTs + PDFs, SIGKILL one instance and the worker
        stack.nginx(2)
        body = {
            "solution": "Vervangen kapotte wasmachine (schaaltest)",
            "amount": "250.00",
            "frequency": "eenmalig",
            "supplier_name": "Witgoed Voorbeeld (test)",
            "supplier_iban": IBAN,
            "prior_provisions": ["geen"],
            "recurrence_prevention": "Schaaltest.",
            "case": setup["case"],
            "category": "wonen",
            "triangle": {
                "legitimacy": "Schaaltest.",
                "involvement": "Schaaltest.",
                "societal_return": "Schaaltest.",
                "legal_ground": setup["ground"],
            },
        }
        stop = threading.Event()
        run = f"scale-{int(time.time())}"
        posters = [Poster(stack.base, setup["token"], body, f"{run}-{i}", stop) for i in range(3)]
        seconds = args.failure_seconds
        gets = wrk(stack.base, paths, cookie, seconds, 8)
        for poster in posters:
            poster.start()
        time.sleep(seconds * 0.2)
        documents = django_script(stack, ASK_DOCUMENTS % (run, args.documents))
        time.sleep(0.5)
        stack.kill("worker")  # mid-render: acks_late gives the tasks to the next worker
        stack.kill("web0")
        killed_at = time.monotonic()
        time.sleep(seconds * 0.2)
        stack.start_celery("worker")
        stack.start_web(0)
        results["restart_seconds"] = round(time.monotonic() - killed_at, 1)
        failure_gets = gets()
        stop.set()
        for poster in posters:
            poster.join(120)
        results["failure_run"] = {
            "gets": failure_gets,
            "posts": sum(len(p.made) for p in posters),
            "post_retries": sum(p.retries for p in posters),
            "documents": len(documents),
        }
        if failure_gets["errors"]:
            failures.append(f"failed GETs during the kill: {failure_gets['errors']}")
        conflicts = [k for p in posters for k in p.conflicts]
        if conflicts:
            failures.append(f"409 on retried keys: {conflicts[:5]}")

        # checks
        for _ in range(120):  # the PDFs: every task ran
            after = django_script(stack, AFTER % (run, documents))
            if all(status != "wacht" for status, _ in after["docs"].values()):
                break
            time.sleep(1)
        worker_log = (work / "worker.log").read_text(errors="replace")
        results["failure_run"]["documents_sent_again"] = worker_log.count("its job is sent again")
        # 3. scheduled tasks: the worker killed once more, a quarter of a period after a slot,
        # while the probe holds its claim (half a period); slots fall due while it is dead.
        period = args.beat_period
        time.sleep(period - time.time() % period + period / 4)
        stack.kill("worker")
        results["scheduled"] = {"worker_killed_at": round(time.time(), 2)}
        time.sleep(2 * period)
        stack.start_celery("worker")
        time.sleep(3 * period)
        stack.kill("beat", signal.SIGTERM)  # what it sent is final now
        sent = sent_slots((work / "beat.log").read_text(errors="replace"))
        deadline = time.monotonic() + VISIBILITY_TIMEOUT + 120
        while True:  # until every slot sent is done (a killed run comes back after the timeout)
            state = django_script(stack, RUNS)
            done = {task: set(state["runs"].get(task, {}).get("uitgevoerd", [])) for task in sent}
            if all(set(sent[t]) <= done[t] for t in sent) or time.monotonic() > deadline:
                break
            time.sleep(1)
        periods = {PROBE_TASK: period, "doorbraak.approvals.tasks.flag_overdue": 2 * period}
        slot_failures, results["scheduled"]["tasks"] = check_slots(
            sent, state["runs"], periods, state["ticks"]
        )
        failures += slot_failures
        if PROBE_TASK not in sent:
            failures.append("beat sent no probe slot: is DOORBRAAK_BEAT_FAST set?")

        made = {k: v for p in posters for k, v in p.made.items()}
        doubled = {k: n for k, n in after["keys"].items() if n != 1}
        lost = sorted(set(made) - set(after["keys"]))
        unasked = sorted(set(after["keys"]) - set(made) - {k for p in posters for k in p.conflicts})
        if doubled or lost:
            failures.append(f"POSTs doubled {doubled} or lost {lost[:5]}")
        results["posts_in_flight_at_stop"] = len(unasked)  # made, answer lost at the very end
        not_ready = {pk: s for pk, (s, _) in after["docs"].items() if s != "klaar"}
        if not_ready:
            failures.append(f"documents not made: {not_ready}")
        names = [name for _, name in after["docs"].values() if name]  # a document not made: ""
        if sorted(n.rsplit("/", 1)[-1] for n in names) != sorted(after["files"]):
            failures.append(f"files in storage differ from documents: {after['files']}")
        served = 0
        for pk in documents:
            status, content, _ = call(
                stack.base, "GET", f"/documenten/{pk}/download/", headers={"Cookie": cookie}
            )
            served += status == 200 and content.startswith(b"%PDF")
        if served != len(documents):
            failures.append(f"only {served} of {len(documents)} documents downloaded")
        with psycopg.connect(args.database_url) as conn:
            ledger = conn.execute(LEDGER_SQL).fetchone()[0]
        wrong = [row for row in ledger if row["stored"] != row["replayed"]]
        if wrong:
            failures.append(f"ledger does not replay: {wrong[:3]}")
        results["ledger_accounts"] = len(ledger)
        for name in ("web0", "web1", "worker", "beat", "pgbouncer"):
            text = stack.log(name)
            if "prepared statement" in text or "Traceback" in text:
                failures.append(f"{name} logged an error: {text[-800:]}")
    except Exception as error:  # noqa: BLE001 - reported with the logs, exit 1
        failures.append(f"{type(error).__name__}: {error}")
        for name in ("pgbouncer", "web0", "worker", "nginx-error"):
            print(f"--- {name}.log\n{stack.log(name)}", file=sys.stderr)
    finally:
        stack.stop_all()
    results["failures"] = failures
    results["seconds"] = round(time.monotonic() - started, 1)
    out = ROOT / "var" / "scale"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2, default=str))
    print(json.dumps(results, indent=2, default=str))
    if not args.keep and not failures:
        subprocess.run(["rm", "-rf", str(work)], check=False)
    print("SCALE TEST " + ("FAILED" if failures else "PASSED"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
