import { describe, expect, test } from "vitest";
import { Subscribable } from "./subscribable.js";

class Counter extends Subscribable {
  value = 0;
  increment(): void {
    this.value += 1;
    this.notify();
  }
}

describe("Subscribable", () => {
  test("notifies each listener until it unsubscribes", () => {
    const counter = new Counter();
    const seen: number[] = [];
    const { subscribe } = counter;
    const unsubscribe = subscribe(() => seen.push(counter.value));
    expect(counter.hasListeners()).toBe(true);
    counter.increment();
    unsubscribe();
    counter.increment();
    expect(seen).toEqual([1]);
    expect(counter.hasListeners()).toBe(false);
  });
});
