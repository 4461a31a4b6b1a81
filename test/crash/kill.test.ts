/**
 * The short run of the crash-safety property (the long one: scripts/kill-campaign.mjs): each
 * writing command killed once at a random moment of its run, by a seeded signal, on small
 * inputs. Every store must open, every rerun succeed and equal a clean run.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { tempDir } from "../helpers/with-db.js";
import { runCampaign } from "./kill-harness.js";

const tmp = tempDir("sojourn-kill-");
after(tmp.cleanup);

describe("crash safety: every writing command killed at random moments", () => {
  it("leaves a store that opens, and a rerun equals a clean run", async () => {
    const { results, counts } = await runCampaign({
      work: tmp.dir,
      perScenario: 1,
      seed: Number(process.env.SOJOURN_KILL_SEED ?? 20),
      scale: 0.002,
    });
    const failures = results.filter((r) => !r.opened || !r.rerunOk || r.differences.length > 0);
    assert.deepEqual(
      failures.map(
        (f) =>
          `${f.scenario} ${f.signal} at ${f.delayMs} ms: ${f.error ?? f.differences.join("; ")}`,
      ),
      [],
    );
    assert.equal(Object.keys(counts).length, 14, "every writing command was run");
    const missed = Object.entries(counts).filter(([, c]) => c.SIGINT + c.SIGTERM + c.SIGKILL === 0);
    assert.deepEqual(
      missed.map(([name]) => name),
      [],
      "a kill landed in every command",
    );
  });
});
