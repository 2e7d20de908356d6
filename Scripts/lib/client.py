"""One HTTP client for the check scripts: a keep-alive HTTP/1.1 connection to a Reach server, JSON in and out,
the bearer token carried.

    from client import Client
    answer = Client(server.url, token).request("POST", "/api/campaigns", {"name": "Spring"})
    answer.status, answer.json()
"""
import http.client
import json
import time
import urllib.parse


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class Client:
    """One keep-alive HTTP/1.1 connection to a server; reconnects after errors."""

    def __init__(self, url, token=None, timeout=30):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.token, self.timeout, self.connection = parts.hostname, parts.port, token, timeout, None

    def request(self, method, path, body=None, headers=None, token=None):
        headers = dict(headers or {})
        token = self.token if token is None else token  # False: no Authorization header
        if token:
            headers.setdefault("Authorization", f"Bearer {token}")
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        if body is not None:
            headers.setdefault("Content-Type", "application/json")
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
            result = Response(response.status, {k.lower(): v for k, v in response.getheaders()}, data,
                              time.monotonic() - started)
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return result
        except (OSError, http.client.HTTPException):
            self.close()
            raise

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None
