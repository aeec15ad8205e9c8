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

/**
 * Folds the events of one message stream into a `Message` snapshot, in place: text and thinking are
 * appended, citations added (to a new array each time), the signature set, tool input parsed as it
 * streams (the block's `input` is a live partial value until `content_block_stop`, then the parsed
 * whole), and `message_delta` replaces the stop fields it carries (a container only when non-null)
 * and every usage field it carries with a non-null value (they are cumulative totals, never added).
 * The errors name the event (or delta) type and the block index.
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
  /** `message_delta` or `message_stop` has arrived: no block may start any more. */
  #ending = false;
  #done = false;

  /** The message so far; throws before `message_start`. Later events keep mutating it. */
  get message(): Message {
    if (!this.#message) throw new AnthropicError("No message_start event yet");
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

  /**
   * Folds one event into the snapshot; returns `false` for an event it ignored (`ping`, an unknown
   * event, delta or block type), `true` otherwise. Throws `AnthropicError` for an event out of order.
   */
  apply(event: RawMessageStreamEvent): boolean {
    const open = this.#open;
    // Where it is read, the message exists: a block is open, or the check before says so.
    const message = this.#message!;
    // The hot path first, most events of a tool call: tool input added to an open block.
    if (event.type === "content_block_delta") {
      const state = open[event.index];
      const delta = event.delta;
      if (state instanceof PartialJSONAccumulator && delta.type === "input_json_delta") {
        state.push(delta.partial_json);
        return true;
      }
    }
    switch (event.type) {
      // First: most events of a reply are deltas. A block is open only between message_start and message_delta.
      case "content_block_delta":
      case "content_block_stop": {
        const index = event.index;
        const state = open[index];
        if (!state) throw eventError(event);
        const block = message.content[index] as ContentBlock & Record<string, unknown>;
        if (event.type === "content_block_stop") {
          open[index] = undefined;
          if (state !== true) {
            try {
              // Replaces the live getter; it stays enumerable and configurable. Only empty fragments
              // (or none) mean an empty input, as for a tool without parameters.
              Object.defineProperty(block, "input", {
                value: state.isEmpty ? {} : state.final(),
                writable: true,
              });
            } catch (cause) {
              throw eventError(event, `the ${block.type} input is not valid JSON`, { cause });
            }
          }
          break;
        }
        const delta = event.delta;
        const kind = blockKinds[block.type];
        const target = deltaTargets[delta.type];
        if (!kind || !target) return false;
        if (kind !== target) throw eventError(event, `not for a ${block.type} block`);
        switch (delta.type) {
          case "text_delta":
            block.text += delta.text;
            break;
          case "input_json_delta": {
            // The first one (the next ones take the hot path).
            const parser = new PartialJSONAccumulator();
            open[index] = parser;
            // While it streams, `input` is read from the parser on demand.
            Object.defineProperty(block, "input", {
              get: () => parser.snapshot() ?? {},
              enumerable: true,
              configurable: true,
            });
            parser.push(delta.partial_json);
            break;
          }
          case "citations_delta":
            // A new array: never a push onto the array of the content_block_start event.
            block.citations = [...((block.citations as unknown[] | null | undefined) ?? []), delta.citation];
            break;
          case "thinking_delta":
            block.thinking += delta.thinking;
            break;
          case "signature_delta":
            block.signature = delta.signature;
        }
        break;
      }
      case "message_start": {
        if (this.#message) throw eventError(event);
        // A copy: the event itself is never changed.
        this.#message = structuredClone(event.message);
        break;
      }
      case "content_block_start": {
        if (!this.#message || this.#ending || event.index !== message.content.length) throw eventError(event);
        message.content.push({ ...event.content_block });
        open[event.index] = true;
        break;
      }
      case "message_delta":
      case "message_stop": {
        if (!this.#message || this.#done || open.some(Boolean)) throw eventError(event);
        this.#ending = true;
        if (event.type === "message_stop") {
          this.#done = true;
          break;
        }
        // The stop fields it carries replace those of message_start; a null container does not.
        const { container, ...stop } = event.delta;
        Object.assign(message, stop);
        if (container != null) message.container = container;
        const usage = message.usage as unknown as Record<string, unknown>;
        for (const [field, value] of Object.entries(event.usage ?? {})) {
          if (value != null) usage[field] = value;
        }
        break;
      }
      default:
        return false;
    }
    return true;
  }
}

/**
 * The error for an event this accumulator cannot fold in, naming the event (or delta) type and the
 * block index, e.g. "Stream event text_delta at index 0: out of order".
 */
function eventError(
  event: RawMessageStreamEvent,
  problem = "out of order",
  options?: ErrorOptions,
): AnthropicError {
  const name = event.type === "content_block_delta" ? event.delta.type : event.type;
  const at = "index" in event ? ` at index ${event.index}` : "";
  return new AnthropicError(`Stream event ${name}${at}: ${problem}`, options);
}
