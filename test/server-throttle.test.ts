/**
 * Login throttling kept in the store: the counts of failed logins survive closing and opening
 * the store again (a server restart), expire with their window, and a success clears them.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { Store } from "../src/db/store.js";
import { LoginThrottle } from "../src/server/throttle.js";
import { tempDir } from "./helpers/with-db.js";

describe("login throttle in the store", () => {
  const tmp = tempDir("sojourn-throttle-");
  after(() => tmp.cleanup());
  const db = join(tmp.dir, "store.duckdb");
  const keys = ["user:admin", "addr:10.0.0.7"];

  it("survives a restart, doubles its wait, forgets after its window, clears on success", async () => {
    let now = 1_700_000_000_000;
    const clock = () => now;
    let store = await Store.open(db);
    let throttle = new LoginThrottle(clock);
    for (let i = 0; i < 4; i++) await throttle.fail(store, keys);
    assert.equal(await throttle.retryAfter(store, keys), 0, "four failures are free");
    await throttle.fail(store, keys);
    assert.equal(await throttle.retryAfter(store, keys), 1);
    // A restart: a new process opens the store again.
    store.close();
    store = await Store.open(db);
    throttle = new LoginThrottle(clock);
    assert.equal(await throttle.retryAfter(store, keys), 1, "the block outlives the restart");
    assert.equal(await throttle.retryAfter(store, ["user:viewer"]), 0, "other names are free");
    now += 1001;
    assert.equal(await throttle.retryAfter(store, keys), 0);
    await throttle.fail(store, keys);
    assert.equal(
      await throttle.retryAfter(store, keys),
      2,
      "the sixth failure waits twice as long",
    );
    // The address allows more failures than a name: 6 of its 50.
    assert.equal(await throttle.retryAfter(store, ["addr:10.0.0.7"]), 0);
    now += 16 * 60_000;
    await throttle.fail(store, keys);
    assert.equal(await throttle.retryAfter(store, keys), 0, "a new window starts the count again");
    for (let i = 0; i < 5; i++) await throttle.fail(store, keys);
    assert.ok((await throttle.retryAfter(store, keys)) > 0);
    await throttle.succeed(store, ["user:admin"]);
    assert.equal(await throttle.retryAfter(store, ["user:admin"]), 0);
    store.close();
  });
});
