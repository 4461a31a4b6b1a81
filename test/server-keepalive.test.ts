/**
 * A request sent on a kept-alive connection right after the server's event loop was busy for a
 * few seconds (a case export renders its report on it) is answered, not reset: the server keeps
 * idle connections open longer than such a stall. With Node's default of 5 s, the idle timer of
 * the connection fires before the request waiting on it is read, and the client sees ECONNRESET.
 */
import assert from "node:assert/strict";
import { Agent, request } from "node:http";
import { after, before, describe, it } from "node:test";
import { startTestServer, type TestServer } from "./server-client.js";

function get(url: string, agent: Agent): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request(`${url}/api/views/session`, { agent }, (res) => {
      res.resume();
      res.on("end", () => ok(res.statusCode ?? 0));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("sojourn serve: kept-alive connections", () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it("answers a request sent on an idle connection after the event loop stalled for 6 s", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      assert.equal(await get(t.server.url, agent), 200);
      await new Promise((ok) => setImmediate(ok));
      const until = Date.now() + 6000;
      while (Date.now() < until) {
        // the loop is held, as a long synchronous step holds it
      }
      assert.equal(await get(t.server.url, agent), 200);
    } finally {
      agent.destroy();
    }
  });
});
