import { AnthropicError } from "../errors.js";
import type { ContentBlock, Message, RawMessageStreamEvent } from "../types/index.js";
import { PartialJSONAccumulator } from "./partial-json.js";

/**
 * The kind of each block type this accumulator knows (`tool`: its `input` streams as
 * `input_json_delta`s); deltas to other (newer) block types are ignored.
 */
const blockKinds: Record<string, string | undefined> = {
  text: "text",
  thinking: "thinking",
  tool_use: "tool",
  server_tool_use: "tool",
  mcp_tool_use: "tool",
};

/** The kind of block each known delta type applies to. */
const deltaTargets: Record<string, string | undefined> = {
  text_delta: "text",
  citations_delta: "text",
  thinking_delta: "thinking",
  signature_delta: "thinking",
  input_json_delta: "tool",
};

/** The event types of a message stream; others (`ping`, newer ones) are ignored. */
const messageEventTypes: ReadonlySet<string> = new Set([
  "message_start",
  "content_block_start",
  "content_block_delta",
  "content_block_stop",
  "message_delta",
  "message_stop",
]);

/**
 * Folds the events of one message stream into a `Message` snapshot, in place: text and thinking are
 * appended, citations pushed, the signature set, tool input parsed as it streams (the block's `input`
 * is a live partial value until `content_block_stop`, then the parsed whole), and `message_delta`
 * replaces the stop fields and every usage field it carries with a non-null value (they are
 * cumulative totals, never added).
 *
 * Events out of order are rejected with an `AnthropicError` rather than folded into a wrong message:
 * anything before `message_start` or after `message_stop`, a block that does not start at the next
 * index or after `message_delta`, a delta or stop for a block that is not open, a delta of the wrong
 * kind for its block, `message_delta` or `message_stop` while a block is open. Unknown event, block
 * and delta types are ignored, as new ones may appear within an API version.
 *
 * @example
 * const accumulator = new MessageAccumulator();
 * for await (const event of stream) accumulator.apply(event);
 * console.log(accumulator.message.content);
 */
export class MessageAccumulator {
  #message: Message | undefined;
  /** By block index: `true` while open, the parser of its tool input once that streams, `undefined` once stopped. */
  #open: (true | PartialJSONAccumulator | undefined)[] = [];
  #openCount = 0;
  #ending = false;
  #done = false;

  /** The message so far; throws before `message_start`. Later events keep mutating it. */
  get message(): Message {
    if (!this.#message) throw outOfOrder("no message_start yet");
    return this.#message;
  }

  /** The message so far, or `undefined` before `message_start`. */
  get snapshot(): Message | undefined {
    return this.#message;
  }

  /** Whether `message_stop` has arrived. */
  get done(): boolean {
    return this.#done;
  }

  /** Folds one event into the snapshot; throws `AnthropicError` for an event out of order. */
  apply(event: RawMessageStreamEvent): void {
    // The hot paths, most events of a reply: text or tool input appended to an open block.
    if (event.type === "content_block_delta") {
      const state = this.#open[event.index];
      const delta = event.delta;
      if (state === true && delta.type === "text_delta") {
        const block = this.#message!.content[event.index]!;
        if (block.type === "text") {
          block.text += delta.text;
          return;
        }
      } else if (state !== undefined && state !== true && delta.type === "input_json_delta") {
        state.push(delta.partial_json);
        return;
      }
    }
    const message = this.#message;
    if (event.type === "message_start") {
      if (message) throw outOfOrder("message_start twice");
      const started = event.message;
      this.#message = { ...started, content: [...started.content], usage: { ...started.usage } };
      return;
    }
    // `ping` and event types this version does not know.
    if (!messageEventTypes.has(event.type)) return;
    if (!message) throw outOfOrder(`${event.type} before message_start`);
    if (this.#done) throw outOfOrder(`${event.type} after message_stop`);
    const open = this.#open;

    if (event.type === "message_delta" || event.type === "message_stop") {
      if (this.#openCount > 0) throw outOfOrder(`${event.type} while a block is open`);
      if (event.type === "message_stop") {
        this.#done = true;
        return;
      }
      this.#ending = true;
      const delta = event.delta;
      message.stop_reason = delta.stop_reason;
      message.stop_sequence = delta.stop_sequence;
      if (delta.stop_details !== undefined) message.stop_details = delta.stop_details;
      if (delta.container != null) message.container = delta.container;
      const usage = message.usage as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(event.usage ?? {})) {
        if (value != null) usage[field] = value;
      }
      return;
    }

    const index = event.index;
    if (event.type === "content_block_start") {
      if (this.#ending || index !== message.content.length) {
        throw outOfOrder(`content_block_start for block ${index}`);
      }
      const block = { ...event.content_block };
      // Citations are pushed onto the snapshot: never onto the array of the event itself.
      if (block.type === "text" && block.citations) block.citations = [...block.citations];
      message.content.push(block);
      open[index] = true;
      this.#openCount++;
      return;
    }

    const state = open[index];
    if (state === undefined) throw outOfOrder(`${event.type} for block ${index}, which is not open`);
    const block = message.content[index] as ContentBlock & Record<string, unknown>;
    let json = state === true ? undefined : state;

    if (event.type === "content_block_stop") {
      open[index] = undefined;
      this.#openCount--;
      if (json) {
        let input: unknown;
        try {
          // Only empty fragments (or none) mean an empty input, as for a tool without parameters.
          input = json.isEmpty ? {} : json.final();
        } catch (cause) {
          throw new AnthropicError(
            `The input of the ${block.type} block at index ${index} is not valid JSON`,
            {
              cause,
            },
          );
        }
        // Replaces the live getter; it stays enumerable and configurable.
        Object.defineProperty(block, "input", { value: input, writable: true });
      }
      return;
    }

    const delta = event.delta;
    const target = deltaTargets[delta.type];
    if (!target) return;
    const kind = blockKinds[block.type];
    if (kind !== target) {
      if (!kind) return;
      throw outOfOrder(`${delta.type} for the ${block.type} block at index ${index}`);
    }
    switch (delta.type) {
      case "text_delta":
        block.text += delta.text;
        break;
      case "citations_delta":
        if (block.citations) (block.citations as unknown[]).push(delta.citation);
        else block.citations = [delta.citation];
        break;
      case "thinking_delta":
        block.thinking += delta.thinking;
        break;
      case "signature_delta":
        block.signature = delta.signature;
        break;
      case "input_json_delta":
        if (!json) {
          const parser = new PartialJSONAccumulator();
          json = parser;
          open[index] = parser;
          // While it streams, `input` is read from the parser on demand.
          Object.defineProperty(block, "input", {
            get: () => parser.snapshot() ?? {},
            enumerable: true,
            configurable: true,
          });
        }
        json.push(delta.partial_json);
    }
  }
}

function outOfOrder(detail: string): AnthropicError {
  return new AnthropicError(`Unexpected event order: ${detail}`);
}
