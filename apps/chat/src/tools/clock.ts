/** What the clock tool returns. */
export interface ClockReading {
  iso: string;
  timezone: string;
  local: string;
}

/**
 * The current time in an IANA time zone (default UTC). Throws a readable Error for an unknown zone, which the
 * chat sends back to the model as an `is_error` tool result.
 */
export function readClock(timezone = "UTC", now: Date = new Date()): ClockReading {
  let local: string;
  try {
    local = new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      dateStyle: "full",
      timeStyle: "long",
    }).format(now);
  } catch {
    throw new Error(`Unknown time zone "${timezone}" (use an IANA name such as Europe/Paris)`);
  }
  return { iso: now.toISOString(), timezone, local };
}
