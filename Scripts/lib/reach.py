"""What the check scripts in Scripts/ share: the repository and its reach binary, running commands, printing
progress, free ports, and `reach serve` (or any reach command) as a subprocess with its output in log files.

A script (a file without .py extension, run directly) imports it as `lib`:

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
    import reach as lib

Each script keeps its own needs through parameters: how a server is stopped (SIGTERM, SIGINT, SIGKILL on purpose),
where its logs go, its working directory, its environment, a command prefix (e.g. setpriv to run as another user).
"""
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEBUG_REACH = os.path.join(ROOT, ".build", "debug", "reach")

# What the crash tests (Scripts/crash-test, Scripts/reliability) check a database for afterwards.
FINAL_STATUSES = ("completed", "error", "timeout", "cancelled")  # of a search (scraping_jobs.status)
DUPLICATE_CREATORS_SQL = """
    SELECT count(*) FROM (
        SELECT r.job_id, lower(coalesce(e.value ->> '$.creator.uniqueId', e.value ->> '$.username')) AS handle
        FROM scraping_results r, json_each(r.creators) e
        GROUP BY r.job_id, handle HAVING count(*) > 1)"""


# --- output -------------------------------------------------------------------------------------------------


def log(prog, message, *, file=None, clock=False):
    """Prints `PROG: MESSAGE` (`PROG HH:MM:SS: MESSAGE` with clock) to FILE (default stdout), flushed."""
    stamp = f" {time.strftime('%H:%M:%S')}" if clock else ""
    print(f"{prog}{stamp}: {message}", file=file, flush=True)


def exit_on_sigterm(code=143):
    """Makes SIGTERM a sys.exit(CODE), so that `finally` blocks and atexit handlers (which stop servers) run."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(code))


def percentile(values, fraction):
    """The value at FRACTION (0 to 1) of VALUES in order: no interpolation; nan for no values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


def leases_recovered(text):
    """Leases recovered according to a log: `recovered N expired leases` notices and `reach work`'s summary."""
    notices = re.findall(r"recovered (\d+) expired leases", text)
    summaries = re.findall(r"(\d+) leases recovered", text)
    return sum(int(n) for n in notices + summaries)


# --- commands -----------------------------------------------------------------------------------------------


class CommandFailed(RuntimeError):
    """A command run with check=True exited non-zero; the message holds it, its exit status and its output's tail."""

    def __init__(self, result):
        self.result = result
        command = " ".join(map(str, result.args))
        super().__init__(f"{command} exited {result.returncode}:\n"
                         f"{_text(result.stderr)[-3000:]}{_text(result.stdout)[-2000:]}")


def _text(output):
    if output is None:
        return ""
    return output if isinstance(output, str) else output.decode("utf-8", "replace")


def run(command, *, check=True, **kwargs):
    """Runs COMMAND and returns its CompletedProcess: text, stdout and stderr captured unless given otherwise
    (stdout=None: the terminal). check: a non-zero exit raises CommandFailed. Other arguments go to subprocess.run
    (env, cwd, input, timeout, errors, ...)."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    kwargs.setdefault("text", True)
    result = subprocess.run(command, check=False, **kwargs)
    if check and result.returncode != 0:
        raise CommandFailed(result)
    return result


def pip_install(requirement):
    """`python -m pip install -q REQUIREMENT` for this Python, again with --break-system-packages when a
    Debian-managed Python refuses the plain install; True if either worked."""
    pip = [sys.executable, "-m", "pip", "install", "-q", requirement]
    return (subprocess.run(pip, check=False).returncode == 0
            or subprocess.run([*pip, "--break-system-packages"], check=False).returncode == 0)


def swift_build(*arguments, check=True):
    """`swift build ARGUMENTS` in the repository root, its output on the terminal; the CompletedProcess
    (check: a failed build raises subprocess.CalledProcessError)."""
    return subprocess.run(["swift", "build", *arguments], cwd=ROOT, check=check)


class MissingBinary(FileNotFoundError):
    """The reach binary named with --bin does not exist."""


def reach_binary(given=None, *, always_build=False):
    """The reach binary, as an absolute path: GIVEN when given (MissingBinary if there is none there), else
    .build/debug/reach, built first with `swift build --product reach` when absent (or always, with always_build)."""
    if given:
        path = os.path.abspath(given)
        if not os.path.exists(path):
            raise MissingBinary(f"no reach binary at {path}")
        return path
    if always_build or not os.path.exists(DEBUG_REACH):
        swift_build("--product", "reach")
    return DEBUG_REACH


def token(reach, db, user, *, hours=None, env=None, cwd=None):
    """`reach token USER --db DB`: a bearer token for USER signed with DB's secret (CommandFailed if refused)."""
    command = [reach, "token", user, "--db", db] + (["--hours", str(hours)] if hours is not None else [])
    return run(command, env=env, cwd=cwd).stdout.strip()


# --- ports and HTTP -----------------------------------------------------------------------------------------


def free_port(host="127.0.0.1"):
    """A TCP port free at this moment (the kernel's pick); another process may still take it before it is used."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def healthz(port, timeout=1.0, host="127.0.0.1"):
    """True if GET /healthz on HOST:PORT answers 200 within TIMEOUT seconds."""
    try:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            connection.request("GET", "/healthz")
            return connection.getresponse().status == 200
        finally:
            connection.close()
    except (OSError, http.client.HTTPException):
        return False


# --- processes ----------------------------------------------------------------------------------------------


def stop_process(process, sig=signal.SIGTERM, timeout=20):
    """Stops PROCESS (a Popen): SIG, then SIGKILL if it still runs after TIMEOUT seconds; returns its exit status."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


_running = []  # every Process started and not yet stopped or killed


def stop_all():
    """Stops every Process still running, each its own way (e.g. at exit: atexit.register(lib.stop_all))."""
    for process in _running[:]:
        process.stop()


class Process:
    """`reach ARGUMENTS` (e.g. `work`) as a subprocess: stdout and stderr in log files, started by start().

    log_path takes stderr, and stdout too unless out_path is given. env, cwd and stdin are Popen's; prefix goes
    before the binary (e.g. setpriv ...). stop() sends stop_signal, then SIGKILL after stop_timeout seconds;
    kill() is SIGKILL at once (a crash on purpose). As a context manager: started on entry, stopped on exit."""

    def __init__(self, reach, *arguments, log_path, out_path=None, env=None, cwd=None, prefix=(),
                 stdin=subprocess.DEVNULL, stop_signal=signal.SIGTERM, stop_timeout=20):
        self.command = [*prefix, reach, *arguments]
        self.log_path, self.out_path = log_path, out_path or log_path
        self.env, self.cwd, self.stdin = env, cwd, stdin
        self.stop_signal, self.stop_timeout = stop_signal, stop_timeout
        self.process = None

    def start(self):
        with open(self.log_path, "w") as log:
            if self.out_path == self.log_path:
                self.process = subprocess.Popen(self.command, stdout=log, stderr=log, stdin=self.stdin,
                                                env=self.env, cwd=self.cwd)
            else:
                with open(self.out_path, "w") as out:
                    self.process = subprocess.Popen(self.command, stdout=out, stderr=log, stdin=self.stdin,
                                                    env=self.env, cwd=self.cwd)
        _running.append(self)
        return self

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def output(self):
        """What it printed so far: stdout, then stderr when they go to different files."""
        paths = [self.out_path] if self.out_path == self.log_path else [self.out_path, self.log_path]
        text = ""
        for path in paths:
            with open(path, errors="replace") as file:
                text += file.read()
        return text

    def tail(self, chars=1500):
        return self.output()[-chars:]

    def stop(self):
        """Stops it (stop_signal, then SIGKILL after stop_timeout seconds); returns its exit status."""
        try:
            return stop_process(self.process, self.stop_signal, self.stop_timeout)
        finally:
            self._forget()

    def kill(self):
        """SIGKILL at once, as a crash would; returns its exit status."""
        try:
            return stop_process(self.process, signal.SIGKILL)
        finally:
            self._forget()

    def _forget(self):
        if self in _running:
            _running.remove(self)

    def __enter__(self):
        return self.start()

    def __exit__(self, *_):
        self.stop()


class ServerError(RuntimeError):
    """`reach serve` exited, or did not say where it serves in time."""


class Server(Process):
    """`reach serve ARGUMENTS --port PORT [--db DB]`; see Process for the logs and how it stops.

    wait_ready() waits until its stdout says `reach: serving ... on URL` (with --demo also both demo tokens),
    sets url, port and tokens ({user id: token}), and raises ServerError with the log's tail if it exits first
    or takes longer than TIMEOUT seconds. As a context manager: started and ready on entry, stopped on exit."""

    URL = re.compile(r"^reach: serving .* on (http://\S+)", re.MULTILINE)
    TOKEN = re.compile(r"^reach: token for (\S+): (\S+)", re.MULTILINE)

    def __init__(self, reach, *arguments, db=None, port=0, ready_timeout=120, **options):
        arguments = [*(["--db", db] if db else []), "--port", str(port), *arguments]
        super().__init__(reach, "serve", *arguments, **options)
        self.db, self.ready_timeout = db, ready_timeout
        self.url, self.port, self.tokens = None, None, {}

    def wait_ready(self, timeout=None, interval=0.05):
        timeout = self.ready_timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        demo = "--demo" in self.command
        while True:
            text = self.output()
            found = self.URL.search(text)
            if found:
                self.url = found.group(1)
                self.port = urllib.parse.urlsplit(self.url).port
                self.tokens = dict(self.TOKEN.findall(text))
                if not demo or {"user_demo", "user_admin"} <= self.tokens.keys():
                    return self
            if self.process.poll() is not None:
                raise ServerError(f"reach serve exited {self.process.returncode}: {self.tail()}")
            if time.monotonic() > deadline:
                raise ServerError(f"reach serve did not start within {timeout} s: {self.tail()}")
            time.sleep(interval)

    def healthy(self, timeout=10):
        """Running, and GET /healthz answers 200."""
        return self.alive() and self.port is not None and healthz(self.port, timeout)

    def __enter__(self):
        self.start()
        try:
            return self.wait_ready()
        except BaseException:
            self.stop()
            raise
