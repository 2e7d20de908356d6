"""Reach as a test backend, from Python with nothing but the standard library.

Each test starts its own server (`reach serve --ephemeral --test-mode --port 0 --json`), reads the one
JSON line it prints, and talks plain HTTP. Run: REACH_BIN=path/to/reach python3 -m unittest test_trial.py
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
import urllib.error
import urllib.request

REACH = os.environ.get("REACH_BIN") or shutil.which("reach") or "reach"


class ReachServer:
    """A fresh backend for one test: started on a free port, stopped (and its database gone) at the end."""

    def __enter__(self):
        self.process = subprocess.Popen(
            [REACH, "serve", "--ephemeral", "--test-mode", "--port", "0", "--json"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()  # printed once the listener accepts connections
        if not line:
            raise RuntimeError(f"reach serve exited {self.process.wait()} before it was ready")
        started = json.loads(line)
        self.url, self.admin = started["url"], started["adminToken"]
        return self

    def __exit__(self, *failure):
        self.process.terminate()
        self.process.wait(timeout=10)

    def call(self, method, path, token=None, body=None):
        """(status, JSON answer) of one request."""
        request = urllib.request.Request(self.url + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")


class TrialTests(unittest.TestCase):
    def test_trial_expires_after_seven_days(self):
        with ReachServer() as reach:
            status, user = reach.call("POST", "/_reach/users", reach.admin, {"userId": "user_ada", "plan": "glow_up"})
            self.assertEqual(status, 200)
            _, billing = reach.call("GET", "/api/billing/status", user["token"])
            self.assertTrue(billing["isTrialing"])

            status, clock = reach.call("POST", "/_reach/clock", reach.admin, {"advance": "8d"})
            self.assertEqual(status, 200, clock)

            _, billing = reach.call("GET", "/api/billing/status", user["token"])
            self.assertEqual(billing["trialStatus"], "expired")
            self.assertEqual(billing["currentPlan"], "free")
            _, emails = reach.call("GET", "/_reach/emails?to=user_ada@example.com&type=trial_expiry", reach.admin)
            self.assertEqual([email["status"] for email in emails["emails"]], ["sent"])

    def test_snapshot_and_restore(self):
        with ReachServer() as reach:
            _, user = reach.call("POST", "/_reach/users", reach.admin, {"userId": "user_bo", "plan": "fame_flex"})
            reach.call("POST", "/_reach/snapshots", reach.admin, {"name": "clean"})
            status, _ = reach.call("POST", "/api/campaigns", user["token"], {"name": "Spring launch"})
            self.assertEqual(status, 200)
            reach.call("POST", "/_reach/snapshots/clean/restore", reach.admin)
            _, campaigns = reach.call("GET", "/api/campaigns", user["token"])
            self.assertEqual(campaigns["pagination"]["total"], 0)

    def test_test_mode_is_refused_on_a_plain_file(self):
        with tempfile.TemporaryDirectory() as folder:
            result = subprocess.run([REACH, "serve", "--db", os.path.join(folder, "real.sqlite"), "--test-mode", "--port", "0"],
                                    check=False, capture_output=True, text=True, timeout=30)
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("--allow-test-mode", result.stderr)
            self.assertFalse(os.path.exists(os.path.join(folder, "real.sqlite")), "nothing created")


if __name__ == "__main__":
    unittest.main()
