import { useEffect, useState } from "react";

/**
 * The current time in milliseconds, refreshed every `intervalMs` while `active`; a fixed `now`
 * (stories, tests) disables the timer.
 */
export function useNow(active: boolean, now?: number, intervalMs = 1000): number {
  const [current, setCurrent] = useState(() => now ?? Date.now());
  useEffect(() => {
    if (now !== undefined || !active) return;
    setCurrent(Date.now());
    const timer = setInterval(() => setCurrent(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, now, intervalMs]);
  return now ?? current;
}
