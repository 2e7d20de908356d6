// Reach as a test backend, from TypeScript with Node's own test runner and fetch (no SDK).
// Each test starts its own server and reads the one JSON line it prints.
// Run (Node 22.6+): REACH_BIN=path/to/reach node --experimental-strip-types --test trial.test.ts
// (Node 20: `node run.mjs`, which strips the types with the TypeScript compiler.)
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { test } from "node:test";
import assert from "node:assert/strict";

interface Started { url: string; port: number; database: string; adminToken: string; pid: number }

class ReachServer {
  private constructor(readonly process: ChildProcess, readonly url: string, readonly admin: string) {}

  static async start(): Promise<ReachServer> {
    const child = spawn(process.env.REACH_BIN ?? "reach", ["serve", "--ephemeral", "--test-mode", "--port", "0", "--json"],
      { stdio: ["ignore", "pipe", "ignore"] });
    const lines = createInterface({ input: child.stdout! });
    const line: string = await new Promise((resolve, reject) => {
      lines.once("line", resolve);
      child.once("exit", (code) => reject(new Error(`reach serve exited ${code} before it was ready`)));
    });
    const started: Started = JSON.parse(line);
    return new ReachServer(child, started.url, started.adminToken);
  }

  async call(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: any }> {
    const answer = await fetch(this.url + path, {
      method,
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: answer.status, json: await answer.json() };
  }

  stop(): void {
    this.process.kill("SIGTERM");
  }
}

test("a trial expires after seven days", async () => {
  const reach = await ReachServer.start();
  try {
    const user = await reach.call("POST", "/_reach/users", reach.admin, { userId: "user_ada", plan: "glow_up" });
    assert.equal(user.status, 200);
    assert.equal((await reach.call("GET", "/api/billing/status", user.json.token)).json.isTrialing, true);

    assert.equal((await reach.call("POST", "/_reach/clock", reach.admin, { advance: "8d" })).status, 200);

    const billing = await reach.call("GET", "/api/billing/status", user.json.token);
    assert.equal(billing.json.trialStatus, "expired");
    assert.equal(billing.json.currentPlan, "free");
  } finally {
    reach.stop();
  }
});
