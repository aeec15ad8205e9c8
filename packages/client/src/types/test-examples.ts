/**
 * Wire objects as the protocol document shows them (`shared/protocol/ANTHROPIC_API.md`), typed by our
 * wire types, for tests of any package (`@colloquy/client/types/test-examples` in tests and stories).
 * Test-only: not part of the built package.
 */
import type { Message, MessageBatchIndividualResponse } from "./index.js";

/** Protocol doc §2.9: the non-streaming response to "Hello, Claude". */
export const helloMessage = {
  id: "msg_01XFDUDYJgAACzvnptvVoYEL",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-6",
  content: [{ type: "text", text: "Hello! How can I help?", citations: null }],
  stop_reason: "end_turn",
  stop_sequence: null,
  stop_details: null,
  container: null,
  diagnostics: null,
  usage: {
    input_tokens: 14,
    output_tokens: 9,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens_details: null,
    server_tool_use: null,
    service_tier: "standard",
    inference_geo: null,
    speed: null,
  },
} satisfies Message;

/** Protocol doc §6.3: result lines of a batch's JSONL results file, one of each outcome but `canceled`. */
export const batchResultLines = [
  {
    custom_id: "req-1",
    result: {
      type: "succeeded",
      message: { ...helloMessage, usage: { ...helloMessage.usage, service_tier: "batch" } },
    },
  },
  {
    custom_id: "req-2",
    result: {
      type: "errored",
      error: {
        type: "error",
        error: { type: "invalid_request_error", message: "max_tokens: Field required" },
        request_id: null,
      },
    },
  },
  { custom_id: "req-3", result: { type: "expired" } },
] satisfies MessageBatchIndividualResponse[];
