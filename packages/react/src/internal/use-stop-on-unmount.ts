import { useEffect, useRef } from "react";

/**
 * Calls `stop` when the component really unmounts. React's StrictMode (in development) and `<Activity>`
 * run an effect's cleanup and then the effect again on a component that stays mounted; a stream started
 * from a mount effect would be aborted by that cleanup. So the cleanup only schedules the stop, one
 * microtask later (StrictMode re-runs the effect synchronously, before it), and the effect cancels a
 * stop still pending when it runs again.
 */
export function useStopOnUnmount(stop: () => void): void {
  const scheduled = useRef<{ cancelled: boolean } | null>(null);
  useEffect(() => {
    if (scheduled.current) scheduled.current.cancelled = true;
    scheduled.current = null;
    return () => {
      const pending = { cancelled: false };
      scheduled.current = pending;
      queueMicrotask(() => {
        if (!pending.cancelled) stop();
      });
    };
  }, [stop]);
}
