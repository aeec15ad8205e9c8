import { AnthropicError } from "../errors.js";
import type {
  ContentBlock,
  Message,
  RawContentBlockDeltaEvent,
  RawContentBlockStartEvent,
  RawContentBlockStopEvent,
  RawMessageDeltaEvent,
  RawMessageStreamEvent,
} from "../types/index.js";
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

/** An open block: `true`, or the accumulated tool input once its first `input_json_delta` arrived. */
type OpenBlock = true | PartialJSONAccumulator;

/** A content block seen as a record, to set the fields its deltas carry. */
type MutableBlock = ContentBlock & Record<string, unknown>;

/**
 * Folds the events of one message stream into a `Message` snapshot, in place: text and thinking are
 * appended, citations added (to a new array each time), the signature set, tool input accumulated as
 * it streams (the block's `input` is a live partial value, built only when read, until
 * `content_block_stop` parses the whole with `JSON.parse`), and `message_delta` replaces the stop
 * fields it carries (a container only when non-null), every usage field it carries with a non-null
 * value (they are cumulative totals, never added) and copies any other field it carries non-null
 * (`context_management`, and fields newer than this version). A `fallback` block sets the message's
 * `model` to the model it hands over to, as the official SDK does.
 *
 * A block still open when `message_delta` or `message_stop` arrives (a tool input cut by
 * `max_tokens`) is closed as it stands: a tool block keeps the partial input, as in the official SDK.
 *
 * Events in an impossible order are rejected with an `AnthropicError` naming the event (or delta)
 * type and the block index, rather than folded into a wrong message: anything before `message_start`
 * or after `message_stop`, a second `message_start`, a block that does not start at the next index or
 * that starts after `message_delta`, a delta or stop for a block that never started or has stopped,
 * and a delta of the wrong kind for its block. Unknown event, block and delta types are ignored, as
 * new ones may appear within an API version.
 *
 * @example
 * const accumulator = new MessageAccumulator();
 * for await (const event of stream) accumulator.apply(event);
 * console.log(accumulator.message.content);
 */
export class MessageAccumulator {
  #message: Message | undefined;
  /** By block index: the open blocks; `undefined` once stopped (or closed by `message_delta`). */
  #open: (OpenBlock | undefined)[] = [];
  /** `message_delta` has arrived: no block may start any more. */
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
   * event, delta or block type), `true` otherwise. Throws `AnthropicError` for an event in an
   * impossible order, or for a tool input that is not valid JSON once complete.
   */
  apply(event: RawMessageStreamEvent): boolean {
    // The hot path first, most events of a tool call: tool input added to an open block.
    if (event.type === "content_block_delta" && event.delta.type === "input_json_delta") {
      const open = this.#open[event.index];
      if (open instanceof PartialJSONAccumulator) {
        open.push(event.delta.partial_json);
        return true;
      }
    }
    const message = this.#message;
    if (event.type === "message_start") {
      if (message) {
        throw new AnthropicError(`Unexpected event order, got message_start before receiving "message_stop"`);
      }
      // A copy: the event itself is never changed.
      this.#message = structuredClone(event.message);
      return true;
    }
    if (!message) throw eventError(event, "before message_start");
    if (this.#done) throw eventError(event, "after message_stop");
    switch (event.type) {
      case "content_block_start":
        this.#startBlock(message, event);
        return true;
      case "content_block_delta":
        return this.#applyDelta(message, event);
      case "content_block_stop":
        this.#stopBlock(message, event);
        return true;
      case "message_delta":
        this.#closeOpenBlocks(message);
        this.#ending = true;
        applyMessageDelta(message, event);
        return true;
      case "message_stop":
        this.#closeOpenBlocks(message);
        this.#ending = true;
        this.#done = true;
        return true;
      default:
        return false;
    }
  }

  #startBlock(message: Message, event: RawContentBlockStartEvent): void {
    if (this.#ending) throw eventError(event, "after message_delta");
    const expected = message.content.length;
    if (event.index !== expected) throw eventError(event, `expected index ${expected}`);
    const block = { ...event.content_block } as MutableBlock;
    message.content.push(block);
    this.#open[event.index] = true;
    if ((block.type as string) === "fallback") {
      // The model that serves the rest of the reply, as the official SDK relabels the message.
      const model = (block.to as { model?: unknown } | undefined)?.model;
      if (typeof model === "string") message.model = model;
    }
  }

  /** The block at the index of `event`, which must be open; throws if it never started or has stopped. */
  #openBlock(message: Message, event: RawContentBlockDeltaEvent | RawContentBlockStopEvent): MutableBlock {
    const block = message.content[event.index] as MutableBlock | undefined;
    if (!block) throw eventError(event, "no block started at this index");
    if (!this.#open[event.index]) throw eventError(event, "the block has stopped");
    return block;
  }

  #applyDelta(message: Message, event: RawContentBlockDeltaEvent): boolean {
    const block = this.#openBlock(message, event);
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
        // The first one (the next ones take the hot path in `apply`).
        const input = new PartialJSONAccumulator();
        this.#open[event.index] = input;
        // While it streams, `input` is built from the fragments when read, and only then.
        Object.defineProperty(block, "input", {
          get: () => input.snapshot() ?? {},
          enumerable: true,
          configurable: true,
        });
        input.push(delta.partial_json);
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
    return true;
  }

  #stopBlock(message: Message, event: RawContentBlockStopEvent): void {
    const block = this.#openBlock(message, event);
    const open = this.#open[event.index];
    this.#open[event.index] = undefined;
    if (!(open instanceof PartialJSONAccumulator)) return;
    // Only empty fragments (or none) mean an empty input, as for a tool without parameters.
    setInput(block, open.isEmpty ? {} : completeToolInput(open));
  }

  /** Closes the blocks `message_delta` or `message_stop` found open: a tool block keeps its partial input. */
  #closeOpenBlocks(message: Message): void {
    this.#open.forEach((open, index) => {
      const block = message.content[index] as MutableBlock | undefined;
      if (open instanceof PartialJSONAccumulator && block) setInput(block, open.snapshot() ?? {});
    });
    this.#open = [];
  }
}

/** Replaces the live `input` getter of a tool block with a plain value (enumerable, writable). */
function setInput(block: MutableBlock, input: unknown): void {
  Object.defineProperty(block, "input", {
    value: input,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** The complete tool input, parsed once; the official SDK's error when it is not valid JSON. */
function completeToolInput(input: PartialJSONAccumulator): unknown {
  try {
    return JSON.parse(input.text);
  } catch (cause) {
    throw new AnthropicError(
      `Unable to parse tool parameter JSON from model. Please retry your request or adjust your prompt. Error: ${cause}. JSON: ${input.text}`,
      { cause },
    );
  }
}

/**
 * Folds a `message_delta` into the message: the stop fields it carries replace those of
 * `message_start` (a null container does not), every usage field it carries non-null replaces the
 * message's, and any other field of the event carried non-null (`context_management`, newer ones) is
 * copied onto the message.
 */
function applyMessageDelta(message: Message, event: RawMessageDeltaEvent): void {
  const { container, ...stop } = event.delta;
  Object.assign(message, stop);
  const { type, delta, usage, ...otherFields } = event;
  copyPresentFields(message.usage, usage);
  copyPresentFields(message, { ...otherFields, container });
}

/** Copies onto `target` each field of `source` whose value is not `null` or `undefined`. */
function copyPresentFields(target: object, source: object | null | undefined): void {
  for (const [field, value] of Object.entries(source ?? {})) {
    if (value != null) (target as Record<string, unknown>)[field] = value;
  }
}

/**
 * The error for an event this accumulator cannot fold in, naming the event (or delta) type and the
 * block index, e.g. "Stream event text_delta at index 0: the block has stopped".
 */
function eventError(event: RawMessageStreamEvent, problem: string): AnthropicError {
  const name = event.type === "content_block_delta" ? event.delta.type : event.type;
  const at = "index" in event ? ` at index ${event.index}` : "";
  return new AnthropicError(`Stream event ${name}${at}: ${problem}`);
}
