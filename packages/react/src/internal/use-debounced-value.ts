import { useEffect, useState } from "react";

/** `value`, but only after it has stopped changing for `delayMs` (compared by `key`). */
export function useDebouncedValue<T>(value: T, key: string, delayMs: number): T {
  const [settled, setSettled] = useState({ value, key });
  useEffect(() => {
    if (key === settled.key) return;
    if (delayMs <= 0) {
      setSettled({ value, key });
      return;
    }
    const handle = setTimeout(() => setSettled({ value, key }), delayMs);
    return () => clearTimeout(handle);
  }, [value, key, settled.key, delayMs]);
  return settled.value;
}
