"""Reliability, round three (Scripts/reliability checks 7 to 11), each against a real `reach`:

  7 dates        the test clock at the ends of time: 9999-12-31, year 10000, 2027-02-30 and moves over 100 years
                 refused with 400 while the server goes on; a file holding year 10000 from an older Reach is named
                 by `reach doctor` and served after its migration mends it; a ten-year move with 40 users answers
                 quickly; the test kit's admin token works after moves of centuries.
  8 connections  under an open-file limit of 1,024 (hard too), 1,100 idle connections: /healthz answers, other
                 requests get a 503 that says why, the server lives; a connection that sends nothing is closed after
                 --idle-timeout; the soft limit is raised to the hard one, and said so.
  9 shutdown     SIGTERM with 20 searches running and 5 progress streams open: the streams end with a shutdown
                 event, the server exits 0 within seconds; SIGTERM during a long clock move stops the move where
                 the work reached and exits 0.
 10 locked       a file another process holds in an exclusive transaction: `reach migrate` says it is locked, by
                 whom, and to try again, never to restore a backup.
 11 limits       a name of one letter and 100,000 combining marks refused; 30 searches of 1,000 started at once
                 by a 1,000-a-month user: one starts; snapshots past the cap refused with words, room back on delete.

Each function takes the reliability script's context (`Context`) and returns (summary, problems).
"""
import concurrent.futures
import json
import os
import signal
import socket
import sqlite3
import subprocess
import time

import reach as lib
from client import Client


class Context:
    """What the checks need from the reliability script: the binary, a folder, the environment, a logger."""

    def __init__(self, reach, work, env, log):
        self.reach, self.work, self.env, self.log = reach, work, env, log
        self.servers = 0

    def folder(self, name):
        path = os.path.join(self.work, name)
        os.makedirs(path, exist_ok=True)
        return path

    def run(self, *argv, check=False, timeout=300, **kwargs):
        return lib.run([self.reach, *argv], check=check, env=self.env, cwd=self.work, timeout=timeout, **kwargs)

    def server(self, *arguments, db=None, open_files=None, log_level=None):
        """`reach serve --json ARGUMENTS` on a free port, started and ready (its start line read); under
        `prlimit --nofile=SOFT:HARD` with open_files=(SOFT, HARD)."""
        self.servers += 1
        out, err = (os.path.join(self.work, f"round3-{self.servers}{suffix}") for suffix in (".out", ".log"))
        limit = ["prlimit", f"--nofile={open_files[0]}:{open_files[1]}"] if open_files else []
        command = [*limit, self.reach, "serve", "--port", "0", *(["--db", db] if db else []), *arguments, "--json"]
        env = dict(self.env, REACH_LOG_LEVEL=log_level) if log_level else self.env
        with open(out, "wb") as stdout, open(err, "wb") as stderr:
            process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env, cwd=self.work)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with open(out, "rb") as f:
                line = f.readline()
            if line.endswith(b"\n"):
                return Running(process, json.loads(line), out, err)
            if process.poll() is not None:
                with open(err, "rb") as f:
                    raise RuntimeError(f"reach serve exited {process.returncode}: {f.read()[-1500:].decode('utf-8', 'replace')}")
            time.sleep(0.05)
        process.kill()
        raise RuntimeError("reach serve did not start in 120 s")


class Running:
    """A started `reach serve --json`: its process, start line, URL and logs."""

    def __init__(self, process, started, out, err):
        self.process, self.started, self.out, self.err = process, started, out, err
        self.url, self.port = started["url"], started["port"]
        self.admin = started.get("adminToken")
        self.tokens = started.get("tokens", {})

    def log(self):
        with open(self.err, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def alive(self):
        return self.process.poll() is None

    def stop(self, sig=signal.SIGTERM, timeout=20):
        """Sends SIG; the exit status and the seconds it took (None when it had to be killed)."""
        if self.process.poll() is not None:
            return self.process.returncode, 0.0
        started = time.monotonic()
        self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout=timeout)
            return code, time.monotonic() - started
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None, None


# ---------------------------------------------------------------------------------------------- 7 dates

def check_dates(context):
    problems = []
    server = context.server("--ephemeral", "--test-mode")
    try:
        admin = Client(server.url, server.admin, timeout=120)
        for move in [{"set": "9999-12-31T23:00:00Z"}, {"set": "10000-01-01T00:00:00Z"}, {"set": "2027-02-30T00:00:00Z"},
                     {"set": "2027-04-31T00:00:00Z"}, {"advance": "36501d"}]:
            answer = admin.request("POST", "/_reach/clock", move)
            if answer.status != 400:
                problems.append(f"clock {move}: {answer.status} {answer.text()[:200]}")
        if not lib.healthz(server.port):
            problems.append("the server stopped answering after the refused moves")
        for index in range(40):
            admin.request("POST", "/_reach/users", {"userId": f"user_{index}", "plan": "glow_up"})
        started = time.monotonic()
        ten_years = admin.request("POST", "/_reach/clock", {"advance": "3650d"})
        ten_years_seconds = time.monotonic() - started
        if ten_years.status != 200:
            problems.append(f"a ten-year move with 40 users: {ten_years.status} {ten_years.text()[:200]}")
        centuries = sum(admin.request("POST", "/_reach/clock", {"advance": "36500d"}).status == 200 for _ in range(3))
        after = admin.request("GET", "/_reach/clock")
        if centuries != 3 or after.status != 200:
            problems.append(f"the admin token after three moves of a century: {after.status} ({centuries} moves)")
    finally:
        server.stop()

    # A file from before migration 0011 holding year 10000: the doctor names it, the server mends and serves it.
    db = os.path.join(context.folder("dates-file"), "reach.sqlite")
    context.run("migrate", "--db", db, check=True)
    with sqlite3.connect(db) as connection:
        connection.executescript("""
            DELETE FROM grdb_migrations WHERE identifier = '0011_internal_timestamp_checks';
            DROP TABLE reach_recurring_tasks;
            CREATE TABLE reach_recurring_tasks (name TEXT PRIMARY KEY NOT NULL, last_run_at TEXT, next_run_at TEXT NOT NULL) STRICT;
            INSERT INTO reach_recurring_tasks VALUES ('expire_trials', '9999-12-31 23:00:00.000', '10000-01-01 00:00:00.000');
            """)
    connection.close()
    doctor = context.run("doctor", "--db", db)
    if doctor.returncode == 0 or "reach_recurring_tasks.next_run_at" not in doctor.stdout:
        problems.append(f"`reach doctor` on the file holding year 10000: exit {doctor.returncode}, {doctor.stdout[-400:]}")
    served = context.server(db=db)
    try:
        time.sleep(1)
        if not served.alive() or not lib.healthz(served.port):
            problems.append(f"`reach serve` on the file holding year 10000 stopped: {served.log()[-600:]}")
    finally:
        served.stop()
    healthy = context.run("doctor", "--db", db)
    if healthy.returncode != 0:
        problems.append(f"`reach doctor` after the server migrated the file: {healthy.stdout[-400:]}")
    return (f"5 bad moves refused, 10 years with 40 users in {ten_years_seconds:.1f} s, 3 centuries on one token, "
            f"a year-10000 file named and mended"), problems


# ---------------------------------------------------------------------------------------------- 8 connections

def check_connections(context):
    problems = []
    server = context.server("--ephemeral", open_files=(1024, 1024))
    sockets = []
    try:
        for _ in range(1_100):
            sockets.append(socket.create_connection(("127.0.0.1", server.port), timeout=30))
        time.sleep(1)
        health = Client(server.url, timeout=10).request("GET", "/healthz")
        refused = Client(server.url, timeout=10).request("GET", "/openapi.json")
        if health.status != 200:
            problems.append(f"/healthz with 1,100 idle connections: {health.status}")
        if refused.status != 503 or "too_many_connections" not in refused.text():
            problems.append(f"a request over the connection limit: {refused.status} {refused.text()[:200]}")
        if not server.alive():
            problems.append("the server died under 1,100 idle connections")
        for s in sockets:
            s.close()
        sockets = []
        time.sleep(0.5)
        if Client(server.url, timeout=10).request("GET", "/openapi.json").status != 200:
            problems.append("requests are not served again once the idle connections are gone")
    finally:
        for s in sockets:
            s.close()
        server.stop()
    server = context.server("--ephemeral", "--idle-timeout", "2")
    try:
        idle = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        idle.settimeout(10)
        started = time.monotonic()
        closed = idle.recv(1) == b""
        waited = time.monotonic() - started
        idle.close()
        if not closed or waited > 6:
            problems.append(f"a connection that sends nothing was not closed after --idle-timeout 2 (waited {waited:.1f} s)")
    finally:
        server.stop()
    raised = context.server("--ephemeral", open_files=(1024, 4096), log_level="notice")
    raised.stop()
    if "limit raised from 1024 to 4096" not in raised.log():
        problems.append("the open-file limit was not raised to the hard one, or the log does not say so")
    return "1,100 idle connections under 1,024 descriptors: /healthz 200, others 503, idle ones closed", problems


# ---------------------------------------------------------------------------------------------- 9 shutdown

def check_shutdown(context):
    problems = []
    db = os.path.join(context.folder("shutdown"), "reach.sqlite")
    context.run("seed", "--demo", "--scale", "0", "--db", db, check=True)
    server = context.server(db=db)
    token = lib.token(context.reach, db, "user_demo", env=context.env, cwd=context.work)
    client = Client(server.url, token, timeout=30)
    campaign = client.request("GET", "/api/campaigns?limit=1").json()["campaigns"][0]["id"]
    jobs = []
    for index in range(20):
        answer = client.request("POST", "/api/scraping/tiktok", {"keywords": [f"yoga{index}"], "targetResults": 100,
                                                                "campaignId": campaign})
        if answer.status == 200:
            jobs.append(answer.json()["jobId"])
    streams = [subprocess.Popen(["curl", "-sN", "-H", f"Authorization: Bearer {token}", f"{server.url}/api/jobs/{job}/events"],
                                stdout=subprocess.PIPE) for job in jobs[:5]]
    time.sleep(1)
    code, seconds = server.stop()
    ended = 0
    for stream in streams:
        try:
            output, _ = stream.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            stream.kill()
            output, _ = stream.communicate()
        ended += b"event: shutdown" in output or b"event: done" in output
    if code != 0 or seconds is None or seconds > 10:
        problems.append(f"SIGTERM with {len(jobs)} searches and 5 streams: exit {code} after {seconds} s")
    if ended != len(streams):
        problems.append(f"{len(streams) - ended} of {len(streams)} progress streams did not end with a last event")

    # A long clock move, interrupted.
    mover = context.server("--ephemeral", "--test-mode")
    admin = Client(mover.url, mover.admin, timeout=120)
    for index in range(300):
        admin.request("POST", "/_reach/users", {"userId": f"user_{index}", "plan": "glow_up"})
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        move = pool.submit(lambda: Client(mover.url, mover.admin, timeout=120).request("POST", "/_reach/clock", {"advance": "30d"}))
        time.sleep(0.3)
        code, seconds = mover.stop()
        try:
            answer = move.result(timeout=30)
            said = answer.json().get("stoppedShort") if answer.status == 200 else None
        except Exception:  # noqa: BLE001 - the move's connection may close with the server
            said = "closed"
    if code != 0 or seconds is None or seconds > 10:
        problems.append(f"SIGTERM during a clock move: exit {code} after {seconds} s")
    return (f"exit 0 in {seconds:.2f} s with {len(jobs)} searches, {ended} streams ended with a last event; "
            f"a clock move stopped ({said or 'it had finished'})"), problems


# ---------------------------------------------------------------------------------------------- 10 locked

def check_locked(context):
    problems = []
    db = os.path.join(context.folder("locked"), "reach.sqlite")
    context.run("migrate", "--db", db, check=True)
    holder = subprocess.Popen(["python3", "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({db!r}, isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE')\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n")], stdout=subprocess.PIPE)
    try:
        holder.stdout.readline()
        result = context.run("migrate", "--db", db, timeout=60)
        words = result.stderr.strip()
        if result.returncode == 0 or "locked by another process" not in words or "backup" in words:
            problems.append(f"`reach migrate` on a locked file: exit {result.returncode}: {words[:300]}")
        if f"pid {holder.pid}" not in words:
            problems.append(f"the lock's holder (pid {holder.pid}) is not named: {words[:300]}")
    finally:
        holder.kill()
        holder.wait()
    return "a locked file is called locked, with its holder's pid", problems


# ---------------------------------------------------------------------------------------------- 11 limits

def check_limits(context):
    problems = []
    server = context.server("--ephemeral", "--test-mode")
    try:
        admin = Client(server.url, server.admin, timeout=60)
        token = admin.request("POST", "/_reach/users", {"userId": "user_glow", "plan": "glow_up"}).json()["token"]
        client = Client(server.url, token, timeout=60)
        heavy = client.request("POST", "/api/campaigns", {"name": "e" + "\u0301" * 100_000})
        if heavy.status != 400:
            problems.append(f"a name of one letter and 100,000 combining marks: {heavy.status}")
        campaign = client.request("POST", "/api/campaigns", {"name": "Many"}).json()["id"]

        def start(_):
            return Client(server.url, token, timeout=60).request(
                "POST", "/api/scraping/tiktok", {"keywords": ["yoga"], "targetResults": 1000, "campaignId": campaign}).status
        with concurrent.futures.ThreadPoolExecutor(10) as pool:
            statuses = list(pool.map(start, range(30)))
        if statuses.count(200) != 1 or statuses.count(403) != 29:
            problems.append(f"30 searches of 1,000 at once: {sorted(statuses)}")
        names = 0
        while names < 200:
            answer = admin.request("POST", "/_reach/snapshots", {"name": f"s{names}"})
            if answer.status != 200:
                break
            names += 1
        refused = admin.request("POST", "/_reach/snapshots", {"name": "more"})
        if names >= 200 or refused.status != 400 or "delete" not in refused.text():
            problems.append(f"snapshots: {names} kept, then {refused.status} {refused.text()[:150]}")
        admin.request("DELETE", "/_reach/snapshots/s0")
        if admin.request("POST", "/_reach/snapshots", {"name": "more"}).status != 200:
            problems.append("a deleted snapshot does not give its room back")
    finally:
        server.stop()
    return f"combining marks refused, {statuses.count(200)} of 30 searches started, snapshots capped at {names}", problems
