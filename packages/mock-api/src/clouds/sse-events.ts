/** One event of the core's SSE body. */
export interface CoreSseEvent {
  event: string;
  data: string;
}

/**
 * Reads the core mock's SSE body (`event:` / `data:` lines, blank-line separated) as events, chunk by
 * chunk. A body that errors (a `drop` trigger) makes the iteration throw, so the caller can cut its own
 * connection too.
 */
export async function* readSseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<CoreSseEvent> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
      let end = buffer.indexOf("\n\n");
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseBlock(block);
        if (event) yield event;
        end = buffer.indexOf("\n\n");
      }
    }
    const event = parseBlock(buffer + decoder.decode());
    if (event) yield event;
  } finally {
    reader.cancel().catch(() => {});
  }
}

function parseBlock(block: string): CoreSseEvent | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  return data.length > 0 ? { event, data: data.join("\n") } : undefined;
}
