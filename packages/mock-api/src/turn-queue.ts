/** Turns of the event loop, handed out in order (see {@link createTurnQueue}). */
export interface TurnQueue {
  /** Resolves on a turn of the event loop shared with at most `perTurn - 1` other `take()`s, in order. */
  take(): Promise<void>;
}

/**
 * Hands out turns of the event loop first come first served, to at most `perTurn` callers a turn: each
 * group of `take()`s resolves in a `setImmediate` callback of its own, so between two groups the loop
 * polls its sockets (a server reads the requests that arrived meanwhile) and runs the timers that fell
 * due.
 */
export function createTurnQueue(perTurn: number): TurnQueue {
  if (!Number.isInteger(perTurn) || perTurn < 1) {
    throw new TypeError(`mock-api: perTurn must be a whole number >= 1, got ${perTurn}`);
  }
  const waiting: Array<() => void> = [];
  const giveTurn = () => {
    for (const resolve of waiting.splice(0, perTurn)) resolve();
    if (waiting.length > 0) setImmediate(giveTurn);
  };
  return {
    take() {
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === 1) setImmediate(giveTurn);
      });
    },
  };
}
