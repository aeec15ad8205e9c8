/** Cancels a scheduled flush. */
export type CancelFlush = () => void;

/** Runs `callback` later; returns a function that cancels it. */
export type ScheduleFlush = (callback: () => void) => CancelFlush;

/**
 * Picks how buffered stream updates are flushed: `0` runs them at once, a positive number waits that many
 * milliseconds, `undefined` waits for the next animation frame (or ~16 ms where there are no frames, as on
 * a server or in a worker). Browser globals are looked up when a flush is scheduled, never at import.
 */
export function createFlushScheduler(throttleMs: number | undefined): ScheduleFlush {
  if (throttleMs === 0) {
    return (callback) => {
      callback();
      return () => {};
    };
  }
  if (throttleMs !== undefined) return (callback) => scheduleTimeout(callback, throttleMs);
  return (callback) => {
    const requestFrame = globalThis.requestAnimationFrame;
    const cancelFrame = globalThis.cancelAnimationFrame;
    if (typeof requestFrame !== "function" || typeof cancelFrame !== "function") {
      return scheduleTimeout(callback, 16);
    }
    const handle = requestFrame.call(globalThis, () => callback());
    return () => cancelFrame.call(globalThis, handle);
  };
}

function scheduleTimeout(callback: () => void, delayMs: number): CancelFlush {
  const handle = setTimeout(callback, delayMs);
  return () => clearTimeout(handle);
}
