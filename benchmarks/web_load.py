"""Load benchmark of the web system: a national-scale year under concurrent clients.

Fills a fresh database with 31 provinces × 10 prefectures × 10 counties (3,441 regions), one
unit per county (3,100 units) and 20,000 records with their first versions, starts
``jixiao serve`` on a loopback port, and runs concurrent clients (default 20). Each client logs
in, reads its record and opens its two pages once (not measured: logging in is an Argon2 hash
per client, and the first request of a server process loads code and templates); then, from
one common start, loops a bounded number of times over the home page, a record page and a save
(``PUT /api/records/{id}`` with the version the previous save returned). Every fourth client
browses as the reviewer of its province.

Per run it prints p50/p95 per request kind, errors, lost saves (every accepted save must be
exactly one new version and one version row), the 1-minute load average sampled each second,
and CPU seconds: the server's (and per request), PostgreSQL's, the clients', and the rest of the
machine's (other work on a shared machine competes for the same cores).

    .venv/bin/python benchmarks/web_load.py                      # SQLite
    .venv/bin/python benchmarks/web_load.py --postgres postgres://postgres@127.0.0.1:5432/postgres
    .venv/bin/python benchmarks/web_load.py --repeat 3 --workers 2,4   # runs interleaved

With ``--postgres`` the script creates a scratch database on that server (and ANALYZEs it after
filling, as autovacuum would) and drops it after. ``--repeat`` measures several times on the
same data (the server is restarted for each run) and prints the range.
Goal: p95 < 300 ms, zero errors, zero lost saves at 20 clients, on SQLite and on PostgreSQL.
Traffic goes to 127.0.0.1 only; loops are bounded in count and time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

PROVINCES, PREFECTURES, COUNTIES = 31, 10, 10
RECORDS = 20_000
PASSWORD = "bench-pass-1234"
KINDS = ("target", "monitoring", "self_evaluation", "final_accounts")
STATUSES = ("draft", "submitted", "approved", "returned")


def _record(kind: str, county: str, year: int, n: int) -> dict[str, Any]:
    planned = Decimal(1000 + n % 5000) + Decimal("0.39")
    executed = (planned * Decimal("0.5")).quantize(Decimal("0.01"))
    if kind == "final_accounts":
        income, spent = (
            Decimal(4145 + n % 900) + Decimal("0.35"),
            Decimal(2684 + n % 700) + Decimal("0.22"),
        )
        fund = {
            "income": income,
            "expenditure": spent,
            "balance": income - spent,
            "closing_balance": Decimal(11369) + Decimal("0.90"),
        }
        return {
            "kind": kind,
            "title": f"{year}年{county}社会保险基金决算",
            "region": county,
            "year": year,
            "money_unit": "万元",
            "funds": {"resident_pension": fund},
            "totals": dict(fund),
        }
    record: dict[str, Any] = {
        "kind": kind,
        "title": f"{county}社保基金支出绩效表",
        "region": county,
        "year": year,
        "fund": "resident_pension",
        "money_unit": "万元",
        "project": f"城乡居民基本养老保险 {n}",
        "unit": f"{county}社会保险中心",
        "goal": "确保退休人员按期足额领取养老金待遇。",
        "budget": {"planned": {"total": planned, "fiscal": planned}},
        "indicators": [
            {
                "level1": "产出指标",
                "level2": "数量指标",
                "name": "参保缴费人数",
                "target": "≥74272人",
            },
            {
                "level1": "产出指标",
                "level2": "质量指标",
                "name": "养老金首次转移成功率",
                "target": "≥95%",
            },
            {
                "level1": "满意度指标",
                "level2": "服务对象满意度指标",
                "name": "离退休人员满意度",
                "target": "≥95%",
            },
        ],
    }
    if kind == "monitoring":
        record["period"] = f"{year}-06"
        record["budget"]["executed"] = {"total": executed, "fiscal": executed}
        record["budget"]["execution_rate_pct"] = (executed / planned * 100).quantize(
            Decimal("0.01")
        )
        for indicator, actual in zip(
            record["indicators"], ("66467人", "100%", "未达监控节点"), strict=True
        ):
            indicator["actual"] = actual
    if kind == "self_evaluation":
        record["budget"]["executed"] = {"total": planned, "fiscal": planned}
        record["budget"].update(
            execution_rate_pct=Decimal("100.00"), weight=Decimal(10), score=Decimal("10.00")
        )
        for indicator, weight in zip(
            record["indicators"], (Decimal(50), Decimal(30), Decimal(10)), strict=True
        ):
            indicator.update(actual="达成年度指标", weight=weight, score=weight)
        record.update(total_weight=Decimal(100), total_score=Decimal(100))
    return record


def fill(records: int) -> dict[str, Any]:
    """Create the tree, units, users and records (bulk inserts; the change log is not written)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from jixiao.records import dumps, parse_record
    from jixiao.web.accounts.models import ApiToken
    from jixiao.web.organisations.models import Region, RoleAssignment, Unit
    from jixiao.web.records.models import RecordEvent, RecordVersion, StoredRecord
    from jixiao.web.records.store import normalise

    with transaction.atomic():
        provinces = Region.objects.bulk_create(
            [Region(name=f"省{p:02d}", level="province") for p in range(PROVINCES)]
        )
        for r in provinces:
            r.path = f"/{r.pk}/"
        Region.objects.bulk_update(provinces, ["path"])
        prefectures = Region.objects.bulk_create(
            [
                Region(name=f"省{p:02d}地区{q:02d}", level="prefecture", parent=prov)
                for p, prov in enumerate(provinces)
                for q in range(PREFECTURES)
            ]
        )
        province_of = {p.pk: p for p in provinces}
        for r in prefectures:
            r.path = f"{province_of[r.parent_id].path}{r.pk}/"
        Region.objects.bulk_update(prefectures, ["path"])
        counties = Region.objects.bulk_create(
            [
                Region(name=f"{pre.name}县{c:02d}", level="county", parent=pre)
                for pre in prefectures
                for c in range(COUNTIES)
            ]
        )
        by_pk = {r.pk: r for r in prefectures}
        for r in counties:
            r.path = f"{by_pk[r.parent_id].path}{r.pk}/"
        Region.objects.bulk_update(counties, ["path"], batch_size=1000)
        units = Unit.objects.bulk_create(
            [
                Unit(name=f"{c.name}社会保险中心", region=c, kind="social_insurance")
                for c in counties
            ],
            batch_size=1000,
        )
        # one parsed template per kind, varied by number; normalised once (indicator readings)
        stored: list[StoredRecord] = []
        texts: list[str] = []
        for n in range(records):
            unit = units[n % len(units)]
            kind = KINDS[(n + n // len(units)) % len(KINDS)]
            year = 2021 + (n // len(units)) % 3
            text = dumps(normalise(parse_record(_record(kind, unit.region.name, year, n))))
            texts.append(text)
            stored.append(
                StoredRecord(
                    kind=kind,
                    unit=unit,
                    region_id=unit.region_id,
                    fund="resident_pension" if kind != "final_accounts" else "",
                    year=year,
                    project="" if kind == "final_accounts" else f"城乡居民基本养老保险 {n}",
                    status=STATUSES[(n // len(units)) % len(STATUSES)],
                    version=1,
                    data=text,
                )
            )
        stored = StoredRecord.objects.bulk_create(stored, batch_size=1000)
        RecordVersion.objects.bulk_create(
            [
                RecordVersion(record=s, number=1, data=t, note="benchmark")
                for s, t in zip(stored, texts, strict=True)
            ],
            batch_size=1000,
        )
        RecordEvent.objects.bulk_create(
            [RecordEvent(record=s, kind="created", version=1, to_status="draft") for s in stored],
            batch_size=1000,
        )
        users = get_user_model()
        hashed = make_password(PASSWORD)
        editors = users.objects.bulk_create(
            [users(username=f"editor{i:02d}", password=hashed) for i in range(40)]
        )
        reviewers = users.objects.bulk_create(
            [users(username=f"reviewer{i:02d}", password=hashed) for i in range(len(provinces))]
        )
        step = len(units) // len(editors)
        RoleAssignment.objects.bulk_create(
            [
                RoleAssignment(user=e, role="editor", unit=units[i * step])
                for i, e in enumerate(editors)
            ]
            + [
                RoleAssignment(user=r, role="reviewer", region=provinces[i])
                for i, r in enumerate(reviewers)
            ]
        )
        # each editor saves a draft project table of its unit; its province's reviewer reads it
        own = {s.unit_id: s for s in reversed(stored) if s.kind != "final_accounts"}
        StoredRecord.objects.filter(pk__in=[s.pk for s in own.values()]).update(status="draft")
        tokens = {e.username: ApiToken.issue(e, "benchmark")[1] for e in editors}
        province_index = {p.pk: i for i, p in enumerate(provinces)}
        prefecture_province = {p.pk: province_index[p.parent_id] for p in prefectures}
        county_province = {c.pk: prefecture_province[c.parent_id] for c in counties}
    return {
        "editors": [
            (
                e.username,
                tokens[e.username],
                own[units[i * step].pk].pk,
                reviewers[county_province[units[i * step].region_id]].username,
            )
            for i, e in enumerate(editors)
        ],
        "units": len(units),
        "regions": len(provinces) + len(prefectures) + len(counties),
        "records": len(stored),
    }


@dataclass
class Results:
    timings: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    saves: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.timings[kind].append(seconds)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


class Client:
    """One person at a browser: one kept-alive connection, the session cookie for pages and a
    bearer token for saves."""

    def __init__(self, port: int, username: str) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        status, page = self.request("GET", "/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or token is None:
            raise RuntimeError(f"login page: HTTP {status}")
        body = urllib.parse.urlencode(
            {
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1).decode(),
            }
        )
        status, _ = self.request(
            "POST",
            "/login/",
            body.encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{port}/login/",
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login failed for {username}: HTTP {status}")

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data

    def get(self, path: str) -> tuple[int, bytes]:
        return self.request("GET", path)

    def api(self, method: str, path: str, token: str, body: str | None = None) -> tuple[int, bytes]:
        return self.request(
            method,
            path,
            body.encode() if body is not None else None,
            {"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )


@dataclass
class Session:
    """A logged-in client with its record and the version it last saw."""

    pages: Client
    username: str
    token: str
    record_id: int
    template: str
    version: int


def prepare_client(
    port: int, editor: tuple[str, str, int, str], as_reviewer: bool, results: Results
) -> Session | None:
    """Log in (pages as the editor or, for every fourth client, as the reviewer of the editor's
    province; saves always as the editor), read the record once, and open the two pages once
    (the first request of each server process loads templates and code)."""
    username, token, record_id, reviewer_name = editor
    reviewer = reviewer_name if as_reviewer else None
    try:
        pages = Client(port, reviewer or username)
    except Exception as exc:
        results.error(f"login {reviewer or username}: {exc}")
        return None
    from jixiao.records import dumps

    status, body = pages.api("GET", f"/api/records/{record_id}", token)
    if status != 200:
        results.error(f"read {record_id}: HTTP {status}")
        return None
    item = json.loads(body, parse_float=Decimal)
    item["record"]["goal"] = "@GOAL@"
    template = dumps({"version": -1, "record": item["record"]}).replace(
        '"version":-1', '"version":@VERSION@'
    )
    for path in ("/", f"/records/{record_id}/"):
        pages.get(path)
    return Session(pages, username, token, record_id, template, item["version"])


def run_client(session: Session, iterations: int, deadline: float, results: Results) -> None:
    """The measured loop: home page, record page, save (``PUT`` with the version the previous
    save returned; nobody else edits the record), changing the goal text each time."""
    pages, record_id, version = session.pages, session.record_id, session.version
    for i in range(iterations):
        if time.monotonic() > deadline:
            break
        for kind, path in (("home page", "/"), ("record page", f"/records/{record_id}/")):
            start = time.perf_counter()
            status, _ = pages.get(path)
            results.add(kind, time.perf_counter() - start)
            if status != 200:
                results.error(f"{kind} {path}: HTTP {status}")
        goal = f"确保退休人员按期足额领取养老金待遇（第{i + 1}次修改，{session.username}）。"
        payload = session.template.replace("@VERSION@", str(version)).replace("@GOAL@", goal)
        start = time.perf_counter()
        status, body = pages.api("PUT", f"/api/records/{record_id}", session.token, payload)
        results.add("save", time.perf_counter() - start)
        if status == 200:
            version = int(re.search(rb'"version":(\d+)', body).group(1))  # type: ignore[union-attr]
            with results.lock:
                results.saves[record_id] += 1
        else:
            results.error(f"save {record_id}: HTTP {status} {body[:120]!r}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children that are still running."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            pids += [int(p) for p in handle.read().split()]
    except OSError:
        pass
    for one in pids:
        try:
            with open(f"/proc/{one}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def _named_cpu(name: str) -> float:
    """CPU seconds of every running process called ``name`` (the PostgreSQL server's)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                text = handle.read()
        except OSError:
            continue
        comm, _, rest = text.partition("(")[2].rpartition(")")
        if comm == name:
            fields = rest.split()
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def _machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    ticks = os.sysconf("SC_CLK_TCK")
    with open("/proc/stat") as handle:
        values = [int(v) for v in handle.readline().split()[1:8]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / ticks, sum(values) / ticks


class LoadSampler(threading.Thread):
    """Samples the 1-minute load average once a second while the clients run."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(1.0):
            self.samples.append(os.getloadavg()[0])

    def stop(self) -> list[float]:
        self.done.set()
        self.join()
        return self.samples or [os.getloadavg()[0]]


def _versions(record_ids: list[int]) -> dict[int, tuple[int, int]]:
    from django.db.models import Count

    from jixiao.web.records.models import StoredRecord

    return {
        row["pk"]: (row["version"], row["n"])
        for row in StoredRecord.objects.filter(pk__in=record_ids)
        .values("pk", "version")
        .annotate(n=Count("versions"))
    }


def _start_server(env: dict[str, str], workers: int, data_dir: Path) -> tuple[Any, int, Any]:
    port = _free_port()
    cli = [sys.executable, "-c", "from jixiao.cli import main; main()"]
    log = (data_dir / "server.log").open("a")
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port), *(["--workers", str(workers)] if workers else [])],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    limit = time.monotonic() + 60
    while time.monotonic() < limit:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    time.sleep(0.5)  # the other worker processes start after the socket opens
    return server, port, log


def run_once(
    label: str,
    world: dict[str, Any],
    env: dict[str, str],
    data_dir: Path,
    clients: int,
    iterations: int,
    seconds: float,
    workers: int,
) -> dict[str, Any]:
    """One measured run against a freshly started server; prints and returns its figures."""
    import resource

    record_ids = sorted({e[2] for e in world["editors"]})
    before = _versions(record_ids)
    server, port, log = _start_server(env, workers, data_dir)
    try:
        results = Results()
        ready = threading.Barrier(clients + 1)
        go: dict[str, float] = {}

        def client(i: int) -> None:
            session = None
            try:
                editor = world["editors"][i % len(world["editors"])]
                session = prepare_client(port, editor, i % 4 == 3, results)
            finally:
                ready.wait()
            if session is not None:
                run_client(session, iterations, go["deadline"], results)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        sampler = LoadSampler()
        go["deadline"] = time.monotonic() + seconds + 120  # preparing counts not
        ready.wait()  # every client logged in and warmed up: measure from here
        go["deadline"] = time.monotonic() + seconds
        server_cpu = _process_cpu(server.pid)
        database_cpu = _named_cpu("postgres") if "DATABASE_URL" in env else 0.0
        own_cpu = resource.getrusage(resource.RUSAGE_SELF)
        machine = _machine_busy()
        wall = time.monotonic()
        sampler.start()
        for thread in threads:
            thread.join()
        wall = time.monotonic() - wall
        server_cpu = _process_cpu(server.pid) - server_cpu
        if "DATABASE_URL" in env:
            database_cpu = _named_cpu("postgres") - database_cpu
        after_own = resource.getrusage(resource.RUSAGE_SELF)
        client_cpu = (after_own.ru_utime + after_own.ru_stime) - (
            own_cpu.ru_utime + own_cpu.ru_stime
        )
        busy, total = (a - b for a, b in zip(_machine_busy(), machine, strict=True))
        loads = sampler.stop()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    after = _versions(record_ids)
    lost = 0
    for record_id, accepted in results.saves.items():
        version, count = after[record_id]
        expected = (before[record_id][0] + accepted, before[record_id][1] + accepted)
        if (version, count) != expected:
            lost += abs(expected[1] - min(version, count))
    requests = sum(len(v) for v in results.timings.values())
    cores = os.cpu_count() or 1
    others = max(0.0, busy - server_cpu - client_cpu - database_cpu)
    print(
        f"[{label}] {clients} 个并发客户端，{requests} 个请求，用时 {wall:.1f} s"
        f"（{requests / wall:.0f} 请求/秒）；负载 {min(loads):.1f}–{max(loads):.1f}"
        f"（平均 {statistics.mean(loads):.1f}，{cores} 核）"
    )
    figures: dict[str, Any] = {"ok": True}
    for kind in ("home page", "record page", "save"):
        values = results.timings.get(kind, [])
        if not values:
            print(f"  {kind:12s} 无数据")
            figures["ok"] = False
            continue
        p50, p95 = _percentile(values, 0.50) * 1000, _percentile(values, 0.95) * 1000
        figures[kind] = (p50, p95)
        figures["ok"] &= p95 < 300
        print(
            f"  {kind:12s} n={len(values):5d}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
            f"max {max(values) * 1000:7.1f} ms  mean {statistics.mean(values) * 1000:6.1f} ms"
        )
    print(
        f"  CPU：服务进程 {server_cpu:.1f} s（每请求 {server_cpu / max(requests, 1) * 1000:.1f} ms），"
        + (
            f"PostgreSQL {database_cpu:.1f} s（每请求 {database_cpu / max(requests, 1) * 1000:.1f} ms），"
            if "DATABASE_URL" in env
            else ""
        )
        + f"客户端 {client_cpu:.1f} s，其他进程 {others:.1f} s"
        f"（占机器 {others / max(total, 1e-9) * 100:.0f}%）"
    )
    figures["cpu_ms"] = server_cpu / max(requests, 1) * 1000
    figures["load"] = statistics.mean(loads)
    print(
        f"  错误 {len(results.errors)}，接受的保存 {sum(results.saves.values())}，丢失的保存 {lost}"
    )
    for text in results.errors[:10]:
        print(f"    {text}")
    figures["ok"] &= not results.errors and lost == 0
    print(f"  目标（p95 < 300 ms，无错误，无丢失）：{'达到' if figures['ok'] else '未达到'}")
    return figures


def _measure_in(
    data_dir: Path,
    database_url: str | None,
    clients: int,
    iterations: int,
    records: int,
    seconds: float,
    workers: list[int],
    repeat: int = 1,
) -> bool:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "JIXIAO_", "DATABASE_URL"))
    }
    env.update({"JIXIAO_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"})
    if database_url:
        env["DATABASE_URL"] = database_url
    os.environ.update(env)
    for key in [k for k in os.environ if k not in env]:
        if key.startswith(("JIXIAO_", "DATABASE_URL")):
            del os.environ[key]
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from django.db import connections

    label = "PostgreSQL" if database_url else "SQLite"
    started = time.monotonic()
    world = fill(records)
    if database_url:  # planner statistics, as autovacuum would gather (jixiao serve does SQLite's)
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"[{label}] {world['regions']} 地区, {world['units']} 单位, {world['records']} 条记录，"
        f"写入 {time.monotonic() - started:.1f} s"
    )
    connections.close_all()
    runs: dict[int, list[dict[str, Any]]] = {w: [] for w in workers}
    for number in range(repeat):
        for count in workers:  # interleaved, so that each setting meets the same machine load
            name = f"{label} 进程数 {count or '默认'} 第{number + 1}次"
            runs[count].append(
                run_once(name, world, env, data_dir, clients, iterations, seconds, count)
            )
            connections.close_all()
    for count, done in runs.items() if repeat > 1 else ():
        print(f"[{label}] 进程数 {count or '默认'}，{repeat} 次的范围：")
        for kind in ("home page", "record page", "save"):
            p95s = [r[kind][1] for r in done if kind in r]
            p50s = [r[kind][0] for r in done if kind in r]
            if p95s:
                print(
                    f"  {kind:12s} p50 {min(p50s):6.1f}–{max(p50s):6.1f} ms  "
                    f"p95 {min(p95s):6.1f}–{max(p95s):6.1f} ms"
                )
        print(
            f"  每请求服务端 CPU {min(r['cpu_ms'] for r in done):.1f}–"
            f"{max(r['cpu_ms'] for r in done):.1f} ms；平均负载 "
            f"{min(r['load'] for r in done):.1f}–{max(r['load'] for r in done):.1f}；"
            f"达到目标 {sum(r['ok'] for r in done)}/{len(done)} 次"
        )
    return all(r["ok"] for done in runs.values() for r in done)


def measure(
    database_url: str | None,
    clients: int,
    iterations: int,
    records: int,
    seconds: float,
    workers: list[int],
    repeat: int = 1,
) -> bool:
    """Fill a scratch data directory (and database), measure, and remove the directory."""
    data_dir = Path(tempfile.mkdtemp(prefix="jixiao-load-"))
    try:
        return _measure_in(
            data_dir, database_url, clients, iterations, records, seconds, workers, repeat
        )
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(data_dir, ignore_errors=True)


def _scratch_postgres(server_url: str) -> tuple[str, str]:
    import psycopg

    name = f"jixiao_bench_{os.getpid()}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urllib.parse.urlsplit(server_url)
    return name, urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def _drop_postgres(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--iterations", type=int, default=25, help="每个客户端的循环次数")
    parser.add_argument("--records", type=int, default=RECORDS)
    parser.add_argument("--seconds", type=float, default=180, help="测量阶段的时间上限")
    parser.add_argument("--postgres", metavar="URL", help="PostgreSQL 服务器（脚本在其上建临时库）")
    parser.add_argument(
        "--workers",
        default="0",
        help="服务进程数（默认与 jixiao serve 相同）；逗号分隔的几个值交替测量，如 2,4",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="在同一数据上测量几次（每次重启服务）"
    )
    args = parser.parse_args()
    if args.postgres:
        name, url = _scratch_postgres(args.postgres)
        try:
            ok = measure(
                url,
                args.clients,
                args.iterations,
                args.records,
                args.seconds,
                [int(w) for w in str(args.workers).split(",")],
                args.repeat,
            )
        finally:
            from django.db import connections

            connections.close_all()
            _drop_postgres(args.postgres, name)
    else:
        ok = measure(
            None,
            args.clients,
            args.iterations,
            args.records,
            args.seconds,
            [int(w) for w in str(args.workers).split(",")],
            args.repeat,
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
