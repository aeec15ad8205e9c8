// Static fixtures for stories and tests (excluded from the build).
import {
  APIConnectionError,
  APIError,
  type ContentBlock,
  type ErrorResponse,
  type ErrorType,
  type Message,
  type MessageBatch,
  type MessageBatchIndividualResponse,
  type ModelInfo,
  type ToolUseBlock,
  type Usage,
} from "@colloquy/client";
import type { DisplayBlock } from "./content-block.js";
import type { MessageLike } from "./message-types.js";

export const richMarkdown = `## Plan

Here is **what I found**, with *emphasis*, \`inline code\`, ~~a mistake~~ and a [safe link](https://example.com/docs).

1. Read the file
2. Parse each line
   - skip blank lines
3. Print the total

> A quote from the documentation.

| Field | Type |
| --- | ---: |
| \`id\` | string |
| \`tokens\` | 42 |

\`\`\`ts
// Sum the tokens of every message.
export function total(messages: { tokens: number }[]): number {
  return messages.reduce((sum, message) => sum + message.tokens, 0);
}
const greeting = "hello";
\`\`\`
`;

export const usage: Usage = {
  input_tokens: 1_842,
  output_tokens: 412,
  cache_creation_input_tokens: 1_024,
  cache_read_input_tokens: 8_192,
  cache_creation: { ephemeral_5m_input_tokens: 1_024, ephemeral_1h_input_tokens: 0 },
  server_tool_use: null,
  service_tier: "standard",
};

export const textBlock: DisplayBlock = { type: "text", text: richMarkdown, citations: null };

export const citedTextBlock: DisplayBlock = {
  type: "text",
  text: "The grass is green and the sky is blue.",
  citations: [
    {
      type: "char_location",
      cited_text: "The grass is green.",
      document_index: 0,
      document_title: "Nature facts",
      start_char_index: 0,
      end_char_index: 20,
    },
    {
      type: "web_search_result_location",
      cited_text: "On a clear day the sky appears blue because of Rayleigh scattering.",
      url: "https://example.org/sky",
      title: "Why is the sky blue?",
      encrypted_index: "Eo8B",
    },
  ],
};

export const thinkingBlock: DisplayBlock = {
  type: "thinking",
  thinking:
    "The user wants the weather in Paris. I should call `get_weather` with the city, then summarise the result in one sentence.",
  signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds",
};

export const redactedThinkingBlock: DisplayBlock = {
  type: "redacted_thinking",
  data: "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT",
};

export const toolUseBlock: DisplayBlock = {
  type: "tool_use",
  id: "toolu_01A09q90qw90lq917835lq9",
  name: "get_weather",
  input: { location: "Paris, France", unit: "celsius" },
  caller: { type: "direct" },
};

/** `toolUseBlock` while its input streams in: part of the input has arrived. */
export const streamingToolUseBlock: DisplayBlock = {
  ...(toolUseBlock as ToolUseBlock),
  input: { location: "Par" },
};

export const toolResultBlock: DisplayBlock = {
  type: "tool_result",
  tool_use_id: "toolu_01A09q90qw90lq917835lq9",
  content: '{"temperature": 18, "conditions": "cloudy", "humidity": 0.72}',
};

export const toolErrorBlock: DisplayBlock = {
  type: "tool_result",
  tool_use_id: "toolu_01A09q90qw90lq917835lq9",
  content: "Weather service unavailable (timeout after 10 s).",
  is_error: true,
};

/** A 16×16 PNG (an orange square). */
export const imageBlock: DisplayBlock = {
  type: "image",
  source: {
    type: "base64",
    media_type: "image/png",
    data: "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGPYGqxPEmIY1TCqYfhqAADc9DcQ0JcsbQAAAABJRU5ErkJggg==",
  },
};

export const documentBlock: DisplayBlock = {
  type: "document",
  source: {
    type: "text",
    media_type: "text/plain",
    data: "The grass is green. The sky is blue. Water is wet.",
  },
  title: "Nature facts",
  context: "A short list of facts used for citation demos.",
  citations: { enabled: true },
};

export const serverToolUseBlock: DisplayBlock = {
  type: "server_tool_use",
  id: "srvtoolu_014hJH82Qum7Td6UV8gDXThB",
  name: "web_search",
  input: { query: "why is the sky blue" },
};

export const webSearchResultBlock: DisplayBlock = {
  type: "web_search_tool_result",
  tool_use_id: "srvtoolu_014hJH82Qum7Td6UV8gDXThB",
  content: [
    {
      type: "web_search_result",
      url: "https://example.org/sky",
      title: "Why is the sky blue?",
      encrypted_content: "Eq",
      page_age: "April 30, 2025",
    },
    {
      type: "web_search_result",
      url: "https://example.com/rayleigh",
      title: "Rayleigh scattering explained",
      encrypted_content: "Er",
      page_age: null,
    },
  ],
};

export const webSearchErrorBlock: DisplayBlock = {
  type: "web_search_tool_result",
  tool_use_id: "srvtoolu_014hJH82Qum7Td6UV8gDXThB",
  content: { type: "web_search_tool_result_error", error_code: "max_uses_exceeded" },
};

export const codeExecutionBlock: DisplayBlock = {
  type: "code_execution_tool_result",
  tool_use_id: "srvtoolu_01",
  content: { type: "code_execution_result", stdout: "4\n", stderr: "", return_code: 0, content: [] },
};

/** One block of each type (the last one of a type `<ContentBlock>` has no component for). */
export const blockOfEachType: readonly DisplayBlock[] = [
  citedTextBlock,
  thinkingBlock,
  redactedThinkingBlock,
  toolUseBlock,
  toolResultBlock,
  imageBlock,
  documentBlock,
  serverToolUseBlock,
  webSearchResultBlock,
  codeExecutionBlock,
];

export function assistantMessage(content: ContentBlock[], overrides: Partial<Message> = {}): Message {
  return {
    id: "msg_01XFDUDYJgAACzvnptvVoYEL",
    type: "message",
    role: "assistant",
    model: "claude-sonnet-4-6",
    content,
    stop_reason: "end_turn",
    stop_sequence: null,
    stop_details: null,
    usage,
    ...overrides,
  };
}

export const conversation: MessageLike[] = [
  { id: "u1", role: "user", content: "What's the weather in Paris? Answer briefly." },
  {
    id: "a1",
    role: "assistant",
    content: [
      thinkingBlock as ContentBlock,
      { type: "text", text: "Let me check." },
      toolUseBlock as ContentBlock,
    ],
    stop_reason: "tool_use",
  },
  { id: "u2", role: "user", content: [toolResultBlock] },
  {
    id: "a2",
    role: "assistant",
    content: [{ type: "text", text: "It is **18 °C and cloudy** in Paris right now, with 72% humidity." }],
    stop_reason: "end_turn",
    usage,
  },
];

/** A conversation long enough to scroll. */
export const longConversation: MessageLike[] = Array.from({ length: 24 }, (_, index) =>
  index % 2 === 0
    ? {
        id: `lu${index}`,
        role: "user" as const,
        content: `Question ${index / 2 + 1}: tell me about topic ${index / 2 + 1}.`,
      }
    : {
        id: `la${index}`,
        role: "assistant" as const,
        content: [
          {
            type: "text" as const,
            text: `Topic ${(index + 1) / 2} in brief:\n\n- first point about it\n- second point, with \`code\`\n- a **bold** third point\n\nThat is all for now.`,
          },
        ],
        stop_reason: "end_turn" as const,
      },
);

const minute = 60_000;
const hour = 60 * minute;
/** Fixed "now" for stories and tests, so countdowns render the same everywhere. */
export const fixedNow = Date.parse("2026-11-20T20:00:00Z");

/** `fixedNow` moved by `offset` milliseconds, as the API writes a time. */
function at(offset: number): string {
  return new Date(fixedNow + offset).toISOString();
}

/** A batch's request counts: the ones given, zero for the others. */
function requestCounts(counts: Partial<MessageBatch["request_counts"]>): MessageBatch["request_counts"] {
  return { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0, ...counts };
}

/** A batch created `age` milliseconds before `fixedNow`, in progress, expiring a day after it was created. */
function batchCreated(id: string, age: number): MessageBatch {
  return {
    id,
    type: "message_batch",
    processing_status: "in_progress",
    request_counts: requestCounts({}),
    created_at: at(-age),
    expires_at: at(24 * hour - age),
    ended_at: null,
    cancel_initiated_at: null,
    archived_at: null,
    results_url: null,
  };
}

export const batches: MessageBatch[] = [
  {
    ...batchCreated("msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d", hour),
    request_counts: requestCounts({ processing: 100 }),
  },
  {
    ...batchCreated("msgbatch_01CanCelingA1b2c3d4e5f6g7", 2 * hour),
    processing_status: "canceling",
    request_counts: requestCounts({ processing: 20 }),
    expires_at: at(22 * hour + 15 * minute),
    cancel_initiated_at: at(-minute),
  },
  {
    ...batchCreated("msgbatch_013Zva2CMHLNnXjNJJKqJ2EF", 5 * hour),
    processing_status: "ended",
    request_counts: requestCounts({ succeeded: 2, errored: 1, expired: 1 }),
    ended_at: at(-4 * hour),
    results_url: "https://api.anthropic.com/v1/messages/batches/msgbatch_013Zva2CMHLNnXjNJJKqJ2EF/results",
  },
];

/** The body of an API error, as a response or an errored batch line carries it. */
function errorBody(type: ErrorType, message: string, requestId: string | null): ErrorResponse {
  return { type: "error", error: { type, message }, request_id: requestId };
}

/** A batch results line whose request got a reply with this text. */
function succeededLine(customId: string, text: string): MessageBatchIndividualResponse {
  return {
    custom_id: customId,
    result: { type: "succeeded", message: assistantMessage([{ type: "text", text }]) },
  };
}

/** A batch results line whose request failed (batch lines carry no request id). */
function erroredLine(customId: string, type: ErrorType, message: string): MessageBatchIndividualResponse {
  return { custom_id: customId, result: { type: "errored", error: errorBody(type, message, null) } };
}

export const batchResults: MessageBatchIndividualResponse[] = [
  succeededLine("req-1", "Hi! How can I help?"),
  erroredLine("req-2", "invalid_request_error", "max_tokens: Field required"),
  { custom_id: "req-3", result: { type: "expired" } },
  succeededLine("req-10", "Paris is the capital of France."),
  { custom_id: "req-4", result: { type: "canceled" } },
];

export const models: ModelInfo[] = [
  {
    type: "model",
    id: "claude-sonnet-4-6",
    display_name: "Claude Sonnet 4.6",
    created_at: "2026-02-17T00:00:00Z",
    lifecycle: "active",
    max_input_tokens: 1_000_000,
    max_tokens: 64_000,
  },
  {
    type: "model",
    id: "claude-opus-4-8",
    display_name: "Claude Opus 4.8",
    created_at: "2026-06-01T00:00:00Z",
    lifecycle: "active",
    max_input_tokens: 200_000,
    max_tokens: 32_000,
  },
  {
    type: "model",
    id: "claude-haiku-4-5",
    display_name: "Claude Haiku 4.5",
    created_at: "2025-10-01T00:00:00Z",
    lifecycle: "active",
    max_input_tokens: 200_000,
    max_tokens: 64_000,
  },
  {
    type: "model",
    id: "claude-sonnet-4-5",
    display_name: "Claude Sonnet 4.5",
    created_at: "2025-09-29T00:00:00Z",
    lifecycle: "deprecated",
    deprecated_at: "2026-06-01T00:00:00Z",
    max_input_tokens: 200_000,
    max_tokens: 64_000,
  },
];

/**
 * An API error as the client makes it from an error response: `APIError.generate` picks the class for
 * the status (`RateLimitError` for 429…), and the `request-id` header matches the body's.
 */
function apiError(
  status: number,
  { type, message, requestId }: { type: ErrorType; message: string; requestId: string },
  headers: Record<string, string> = {},
): APIError {
  const body = errorBody(type, message, requestId);
  return APIError.generate(status, body, undefined, new Headers({ "request-id": requestId, ...headers }));
}

export function rateLimitError(retryAfterSeconds = 30): APIError {
  return apiError(
    429,
    {
      type: "rate_limit_error",
      message: "Number of request tokens has exceeded your per-minute rate limit.",
      requestId: "req_011CRateLimit7",
    },
    { "retry-after": String(retryAfterSeconds) },
  );
}

export function serverError(): APIError {
  return apiError(500, {
    type: "api_error",
    message: "Internal server error",
    requestId: "req_011CServerError",
  });
}

export function overloadedError(): APIError {
  return apiError(529, { type: "overloaded_error", message: "Overloaded", requestId: "req_011COverloaded" });
}

export function connectionError(): APIError {
  return new APIConnectionError({ message: "Connection error: fetch failed." });
}
