import { describe, expect, it } from "vitest";
import { linkSignals } from "./link-signals.js";

/** Counts the abort listeners on a signal by wrapping add/remove. */
function countingSignal() {
  const controller = new AbortController();
  const signal = controller.signal;
  let listeners = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
    if (type === "abort") listeners++;
    add(type, listener, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListener) => {
    if (type === "abort") listeners--;
    remove(type, listener);
  }) as typeof signal.removeEventListener;
  return { controller, signal, listeners: () => listeners };
}

describe("linkSignals", () => {
  it("aborts when any source aborts, with that source's reason", () => {
    const first = new AbortController();
    const second = new AbortController();
    const { signal } = linkSignals(first.signal, undefined, second.signal, null);
    expect(signal.aborted).toBe(false);
    second.abort("second's reason");
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe("second's reason");
  });

  it("is aborted at once by an already aborted source", () => {
    const { signal } = linkSignals(new AbortController().signal, AbortSignal.abort("early"));
    expect(signal.reason).toBe("early");
  });

  it("leaves no listener behind after unlink, however many links a long-lived source had", () => {
    const source = countingSignal();
    const links = Array.from({ length: 3 }, () => linkSignals(source.signal));
    expect(source.listeners()).toBe(3);
    for (const link of links) {
      link.unlink();
      link.unlink();
    }
    expect(source.listeners()).toBe(0);
    source.controller.abort();
    expect(links.every((link) => !link.signal.aborted)).toBe(true);
  });

  it("detaches from every source once one of them aborts", () => {
    const first = countingSignal();
    const second = countingSignal();
    linkSignals(first.signal, second.signal);
    first.controller.abort();
    expect(first.listeners() + second.listeners()).toBe(0);
  });
});
