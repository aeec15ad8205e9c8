import { LineDecoder } from "./line-decoder.js";

/**
 * Turns the bytes of an SSE body into events, whatever the chunking (see {@link LineDecoder} for the
 * line ends, UTF-8 and BOM handling). Accepts comments, multi-line data and fields without a colon.
 * Only `event` and `data` matter here: `id`, `retry` and unknown fields are ignored.
 *
 * Events without an `event:` name are dropped, as the official SDK does. At the end of the body
 * (`flush()`), an event missing its terminating blank line is still dispatched: the spec would drop
 * it, but a `message_stop` whose blank line got lost should still count.
 *
 * Each event goes to `onEvent` as it completes, its name and its data (no intermediate arrays); an
 * exception that `onEvent` throws propagates out of `decode()` or `flush()`.
 *
 * @example
 * const decoder = new SSEDecoder((event, data) => handle(event, data));
 * decoder.decode(chunk);
 * decoder.flush();
 */
export class SSEDecoder extends LineDecoder {
  constructor(onEvent: (event: string, data: string) => void) {
    let event = "";
    /** The data lines so far, joined; `undefined` until the event has one. */
    let data: string | undefined;
    super((line) => {
      if (line === "") {
        if (event && data !== undefined) onEvent(event, data);
        event = "";
        data = undefined;
        return;
      }
      const colon = line.indexOf(":");
      // A comment (a line starting with a colon) has an empty field name: it matches no field below.
      const field = colon < 0 ? line : line.slice(0, colon);
      // One space after the colon is part of the syntax, not of the value.
      const value = colon < 0 ? "" : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
      if (field === "data") data = data === undefined ? value : `${data}\n${value}`;
      else if (field === "event") event = value;
    });
  }
}
