import { AnthropicError } from "../errors.js";
import type {
  ContentBlock,
  Message,
  RawMessageStreamEvent,
  TextBlock,
  ThinkingBlock,
} from "../types/index.js";
import { PartialJSONAccumulator } from "./partial-json.js";

/** Block types whose `input` streams as `input_json_delta`s. */
const toolInputBlockTypes = new Set(["tool_use", "server_tool_use", "mcp_tool_use"]);

/** Block types this accumulator knows; deltas to other (newer) block types are ignored. */
const knownBlockTypes = new Set(["text", "thinking", ...toolInputBlockTypes]);

interface OpenBlock {
  block: ContentBlock;
  json: PartialJSONAccumulator | undefined;
}

/**
 * Folds the events of one message stream into a `Message` snapshot, in place: text and thinking are
 * appended, citations pushed, the signature set, tool input parsed as it streams (the block's `input`
 * is a live partial value until `content_block_stop`, then the parsed whole), and `message_delta`
 * replaces the stop fields and every usage field it carries with a non-null value (they are
 * cumulative totals, never added).
 *
 * Events out of order are rejected with an `AnthropicError` rather than folded into a wrong message:
 * anything before `message_start` or after `message_stop`, a block that does not start at the next
 * index, a delta or stop for a block that is not open, a delta of the wrong kind for its block.
 * Unknown event, block and delta types are ignored, as new ones may appear within an API version.
 *
 * @example
 * const accumulator = new MessageAccumulator();
 * for await (const event of stream) accumulator.apply(event);
 * console.log(accumulator.message.content);
 */
export class MessageAccumulator {
  #message: Message | undefined;
  #open = new Map<number, OpenBlock>();
  #done = false;
  #deltaSeen = false;

  /** The message so far; throws before `message_start`. Later events keep mutating it. */
  get message(): Message {
    if (!this.#message) throw new AnthropicError("No message yet: message_start has not arrived.");
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

  /** Folds one event into the snapshot. */
  apply(event: RawMessageStreamEvent): void {
    switch (event.type) {
      case "message_start": {
        if (this.#message) throw outOfOrder("message_start arrived twice");
        const started = event.message;
        this.#message = { ...started, content: [...started.content], usage: { ...started.usage } };
        return;
      }
      case "content_block_start":
      case "content_block_delta":
      case "content_block_stop":
      case "message_delta":
      case "message_stop":
        this.#applyToMessage(event, this.#current(event.type));
        return;
      default:
        // `ping` and event types this version does not know.
        return;
    }
  }

  #current(type: string): Message {
    const message = this.#message;
    if (!message) throw outOfOrder(`${type} arrived before message_start`);
    if (this.#done) throw outOfOrder(`${type} arrived after message_stop`);
    return message;
  }

  #applyToMessage(event: Exclude<RawMessageStreamEvent, { type: "message_start" }>, message: Message): void {
    switch (event.type) {
      case "content_block_start": {
        if (this.#deltaSeen) throw outOfOrder("content_block_start arrived after message_delta");
        if (event.index !== message.content.length) {
          throw outOfOrder(
            `content_block_start has index ${event.index}, expected ${message.content.length}`,
          );
        }
        const block = { ...event.content_block } as ContentBlock;
        // Citations are pushed onto the snapshot: never onto the array of the event itself.
        if (block.type === "text" && block.citations) block.citations = [...block.citations];
        message.content.push(block);
        this.#open.set(event.index, { block, json: undefined });
        return;
      }
      case "content_block_delta": {
        const open = this.#openBlock(event.index, "content_block_delta");
        const block = open.block as ContentBlock & Record<string, unknown>;
        const delta = event.delta;
        const blockType: string = block.type;
        switch (delta.type) {
          case "text_delta":
            (this.#expect(block, "text", delta.type, event.index) as TextBlock).text += delta.text;
            return;
          case "citations_delta": {
            const text = this.#expect(block, "text", delta.type, event.index) as TextBlock;
            if (text.citations) text.citations.push(delta.citation);
            else text.citations = [delta.citation];
            return;
          }
          case "thinking_delta":
            (this.#expect(block, "thinking", delta.type, event.index) as ThinkingBlock).thinking +=
              delta.thinking;
            return;
          case "signature_delta":
            (this.#expect(block, "thinking", delta.type, event.index) as ThinkingBlock).signature =
              delta.signature;
            return;
          case "input_json_delta": {
            if (!toolInputBlockTypes.has(blockType)) {
              if (knownBlockTypes.has(blockType)) throw mismatch(delta.type, blockType, event.index);
              return;
            }
            if (!open.json) {
              const json = new PartialJSONAccumulator();
              open.json = json;
              // While it streams, `input` is read from the parser on demand (O(1) per read).
              Object.defineProperty(block, "input", {
                get: () => json.snapshot() ?? {},
                enumerable: true,
                configurable: true,
              });
            }
            open.json.push(delta.partial_json);
            return;
          }
          default:
            return;
        }
      }
      case "content_block_stop": {
        const open = this.#openBlock(event.index, "content_block_stop");
        this.#open.delete(event.index);
        if (open.json) {
          let input: unknown;
          try {
            // Only empty fragments (or none) mean an empty input, as the API sends for a tool without parameters.
            input = open.json.isEmpty ? {} : open.json.final();
          } catch (cause) {
            throw new AnthropicError(
              `The input of the ${open.block.type} block at index ${event.index} is not valid JSON: ${(cause as Error).message}`,
              { cause },
            );
          }
          Object.defineProperty(open.block, "input", {
            value: input,
            enumerable: true,
            configurable: true,
            writable: true,
          });
        }
        return;
      }
      case "message_delta": {
        if (this.#open.size > 0) {
          throw outOfOrder(`message_delta arrived while block ${[...this.#open.keys()].join(", ")} is open`);
        }
        this.#deltaSeen = true;
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
      case "message_stop":
        if (this.#open.size > 0) {
          throw outOfOrder(`message_stop arrived while block ${[...this.#open.keys()].join(", ")} is open`);
        }
        this.#done = true;
        return;
    }
  }

  #openBlock(index: number, type: string): OpenBlock {
    const open = this.#open.get(index);
    if (open) return open;
    const started = index < (this.#message?.content.length ?? 0);
    throw outOfOrder(
      `${type} for block ${index}, which ${started ? "has already stopped" : "has not started"}`,
    );
  }

  /** Returns the block if it has the type a delta needs; ignores (returns a scratch block for) unknown block types. */
  #expect(block: ContentBlock, type: "text" | "thinking", deltaType: string, index: number): ContentBlock {
    if (block.type === type) return block;
    if (knownBlockTypes.has(block.type)) throw mismatch(deltaType, block.type, index);
    // A known delta on an unknown block type: ignore it without touching the block.
    return type === "text" ? { type: "text", text: "" } : { type: "thinking", thinking: "", signature: "" };
  }
}

function outOfOrder(detail: string): AnthropicError {
  return new AnthropicError(`Unexpected event order: ${detail}.`);
}

function mismatch(deltaType: string, blockType: string, index: number): AnthropicError {
  return new AnthropicError(`Unexpected event: a ${deltaType} for the ${blockType} block at index ${index}.`);
}
