import type { StopDetails, StopReason, Usage } from "@colloquy/client";
import type { MessageStreamStatus } from "@colloquy/react";
import type { DisplayBlock } from "./content-block.js";

/**
 * The shape every message component accepts: a `Message` from the API, a `MessageParam` you sent,
 * or a chat hook's entry (which may add an `id` and an `interrupted` flag).
 */
export interface MessageLike {
  id?: string | undefined;
  role: "user" | "assistant" | "system";
  content: string | readonly DisplayBlock[];
  stop_reason?: StopReason | null | undefined;
  stop_details?: StopDetails | null | undefined;
  stop_sequence?: string | null | undefined;
  usage?: Usage | null | undefined;
  /** The reply was cut off by an error or a stop. */
  interrupted?: boolean | undefined;
}

/** Status of the reply in progress: `@colloquy/react`'s `MessageStreamStatus`, as `useChat`/`useMessageStream` report it. */
export type ReplyStatus = MessageStreamStatus;

/** The blocks of a message, with a string content turned into one text block. */
export function blocksOf(message: MessageLike): readonly DisplayBlock[] {
  return typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
}
