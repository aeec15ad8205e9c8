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

describe("createTurnQueue", () => {
  it("gives each take() a turn of its own, first come first served", async () => {
    const queue = createTurnQueue();
    const counter = countTurns();
    const order: Array<{ name: string; turn: number }> = [];
    const names = ["a", "b", "c", "d"];
    await Promise.all(names.map((name) => queue.take().then(() => order.push({ name, turn: counter.turn }))));
    counter.stop();
    expect(order.map((entry) => entry.name)).toEqual(names);
    const turns = order.map((entry) => entry.turn);
    expect(new Set(turns).size).toBe(names.length);
    expect(turns).toEqual([...turns].sort((a, b) => a - b));
  });

  it("lets timers that fell due run between two turns", async () => {
    const queue = createTurnQueue();
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
});
