/** Turns of the event loop, handed out one at a time (see {@link createTurnQueue}). */
export interface TurnQueue {
  /** Resolves on a turn of the event loop of its own, later than the turn of every earlier `take()`. */
  take(): Promise<void>;
}

/**
 * Hands out turns of the event loop one at a time, first come first served: each `take()` resolves in a
 * `setImmediate` callback of its own, so between two of them the loop polls its sockets (a server reads
 * the requests that arrived meanwhile) and runs the timers that fell due.
 */
export function createTurnQueue(): TurnQueue {
  const waiting: Array<() => void> = [];
  const giveOne = () => {
    waiting.shift()?.();
    if (waiting.length > 0) setImmediate(giveOne);
  };
  return {
    take() {
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === 1) setImmediate(giveOne);
      });
    },
  };
}
