import { describe, expect, it } from "vitest";
import { createTurnQueue } from "./turn-queue.js";

/** Counts the turns of the event loop: a `setImmediate` that schedules itself runs once per turn. */
function countTurns() {
  const counter = { turn: 0, stop: () => {} };
  let running = true;
  const tick = () => {
    if (!running) return;
    counter.turn++;
    setImmediate(tick);
  };
  setImmediate(tick);
  counter.stop = () => {
    running = false;
  };
  return counter;
}

/** Takes a turn for each name at once; resolves with the names in the order served and the turn of each. */
async function takeAll(perTurn: number, names: readonly string[]) {
  const queue = createTurnQueue(perTurn);
  const counter = countTurns();
  const served: Array<{ name: string; turn: number }> = [];
  await Promise.all(names.map((name) => queue.take().then(() => served.push({ name, turn: counter.turn }))));
  counter.stop();
  const firstTurn = served[0]?.turn ?? 0;
  return { order: served.map((entry) => entry.name), turns: served.map((entry) => entry.turn - firstTurn) };
}

describe("createTurnQueue", () => {
  it("serves first come first served, perTurn callers a turn", async () => {
    expect(await takeAll(1, ["a", "b", "c", "d"])).toEqual({
      order: ["a", "b", "c", "d"],
      turns: [0, 1, 2, 3],
    });
    expect(await takeAll(2, ["a", "b", "c", "d", "e"])).toEqual({
      order: ["a", "b", "c", "d", "e"],
      turns: [0, 0, 1, 1, 2],
    });
  });

  it("lets timers that fell due run between two turns", async () => {
    const queue = createTurnQueue(1);
    const events: string[] = [];
    const first = queue.take().then(() => {
      events.push("first");
      // Due at once: it runs in the timers phase of the next turn, before the second take() resolves.
      setTimeout(() => events.push("timer"), 0);
      const busyUntil = performance.now() + 2;
      while (performance.now() < busyUntil) {}
    });
    const second = queue.take().then(() => events.push("second"));
    await Promise.all([first, second]);
    expect(events).toEqual(["first", "timer", "second"]);
  });

  it("refuses a perTurn that is not a whole number of at least 1", () => {
    expect(() => createTurnQueue(0)).toThrow(/perTurn must be a whole number >= 1, got 0/);
    expect(() => createTurnQueue(1.5)).toThrow(/got 1.5/);
  });
});
