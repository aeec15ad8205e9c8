// Code written for the official SDK (`@anthropic-ai/sdk` 1.x) with only the import swapped: it must
// type-check. Nothing here runs; `tsc` compiles it in three ways:
//   - the client's `typecheck` (strict, against the sources);
//   - test/types/declarations.test.ts, against the built declarations with TypeScript 4.5
//     (`moduleResolution: node`, lib es2020) and 4.9 (`node16`, as ESM and as CommonJS), `skipLibCheck: false`.
// It uses no syntax newer than TypeScript 4.5 and no top-level await (the CommonJS compile).
import Anthropic, { APIError, type MessageParam as RootMessageParam } from "@colloquy/client";
import type { MessageParam, Tool, ToolResultBlockParam, ToolUnion } from "@colloquy/client/resources";
import type { BetaMessageParam, MessageCreateParams as BetaParams } from "@colloquy/client/resources/beta";
import type {
  BatchCreateParams as BetaBatchParams,
  BetaMessageBatch,
} from "@colloquy/client/resources/beta/messages/batches";
import type { BetaToolUseBlock } from "@colloquy/client/resources/beta/messages/messages";
import type { ModelListParams as BetaModelListParams } from "@colloquy/client/resources/beta/models";
import type {
  ContentBlock,
  ContentBlockDeltaEvent,
  Message,
  MessageStreamEvent,
  TextBlock,
  ToolBash20250124,
  ToolUseBlock,
  UserMessageParam,
  WebSearchTool20250305,
} from "@colloquy/client/resources/messages";
import type {
  BatchCreateParams,
  MessageBatch,
  MessageBatchesPage,
} from "@colloquy/client/resources/messages/batches";
import type { MessageCreateParamsNonStreaming } from "@colloquy/client/resources/messages/messages";
import type { ModelInfo } from "@colloquy/client/resources/models";
import type { ErrorResponse } from "@colloquy/client/resources/shared";

const client = new Anthropic({ apiKey: "sk-ant-placeholder", maxRetries: 1, timeout: 20_000 });
const model = "claude-sonnet-4-6";

const weather: Tool = {
  name: "get_weather",
  description: "The weather in a city",
  input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

/** The tool loop: the assistant's content goes back as it came, then the tool results. */
export async function toolLoop(question: string): Promise<string> {
  const tools: ToolUnion[] = [weather, { type: "web_search_20250305", name: "web_search", max_uses: 2 }];
  const messages: MessageParam[] = [{ role: "user", content: question }];
  for (;;) {
    const message: Message = await client.messages.create({ model, max_tokens: 1024, tools, messages });
    messages.push({ role: "assistant", content: message.content });
    if (message.stop_reason !== "tool_use") {
      return message.content
        .filter((block): block is TextBlock => block.type === "text")
        .map((block) => block.text)
        .join("");
    }
    const results: ToolResultBlockParam[] = message.content
      .filter((block): block is ToolUseBlock => block.type === "tool_use")
      .map((block) => ({ type: "tool_result", tool_use_id: block.id, content: JSON.stringify(block.input) }));
    messages.push({ role: "user", content: results });
  }
}

/** Every response block goes back as a param block, one by one too. */
export function echo(content: ContentBlock[]): RootMessageParam[] {
  const blocks: Anthropic.ContentBlockParam[] = content.map((block) => block);
  return [
    { role: "assistant", content },
    { role: "assistant", content: blocks },
  ];
}

/** Namespace paths of the official SDK. */
export function namespaces(
  message: Anthropic.Message,
  batch: Anthropic.Messages.MessageBatch,
  param: Anthropic.Messages.MessageParam,
  model: Anthropic.Models.ModelInfo,
  beta: Anthropic.Beta.BetaMessage,
): [Anthropic.MessageParam, Anthropic.Messages.MessageBatch, Anthropic.ModelInfo, Anthropic.Message] {
  const resources: [typeof Anthropic.Messages, typeof Anthropic.Models, typeof Anthropic.Beta] = [
    Anthropic.Messages,
    Anthropic.Models,
    Anthropic.Beta,
  ];
  void resources;
  const batches: Anthropic.Messages.Batches = client.messages.batches;
  void batches;
  return [param ?? { role: "assistant", content: message.content }, batch, model, beta];
}

/** Streaming, both ways. */
export async function streaming(): Promise<string> {
  const stream = client.messages
    .stream({ model, max_tokens: 1024, messages: [{ role: "user", content: "Hello" }] })
    .on("text", (text: string) => void text)
    .on("inputJson", (partialJson: string, jsonSnapshot: unknown) => void [partialJson, jsonSnapshot])
    .on("contentBlock", (block: ContentBlock) => void block.type)
    .on("message", (message: Message) => void message.usage.output_tokens)
    .on("error", (error) => void error.message);
  for await (const event of stream) if (event.type === "message_stop") break;
  if (stream.aborted) stream.controller.abort();
  const final: Message = await stream.finalMessage();
  const finalText: string = await stream.finalText();

  let text = "";
  const events = await client.messages.create({
    model,
    max_tokens: 1024,
    messages: [{ role: "user", content: "Hello" }],
    stream: true,
  });
  for await (const event of events) {
    if (event.type === "content_block_delta" && event.delta.type === "text_delta") text += event.delta.text;
    if (event.type === "message_delta") text += event.delta.stop_reason ?? "";
  }
  const raw = await client.messages.create({ model, max_tokens: 8, messages: [], stream: true });
  raw.controller.abort();
  return text + final.id + finalText;
}

/** Batches, GA and beta, with header params. */
export async function batches(params: MessageCreateParamsNonStreaming): Promise<number> {
  const create: BatchCreateParams = { requests: [{ custom_id: "a", params }], workspace_id: "wrkspc_1" };
  const batch: MessageBatch = await client.messages.batches.create(create);
  const betaCreate: BetaBatchParams = {
    requests: [{ custom_id: "b", params }],
    betas: ["message-batches-2024-09-24"],
  };
  const betaBatch: BetaMessageBatch = await client.beta.messages.batches.create(betaCreate);
  await client.beta.messages.batches.retrieve(betaBatch.id, { betas: ["files-api-2025-04-14"] });
  let succeeded = 0;
  for await (const line of await client.messages.batches.results(batch.id)) {
    if (line.result.type === "succeeded") succeeded += line.result.message.content.length;
    if (line.result.type === "errored") succeeded -= line.result.error.error.message.length;
  }
  for await (const listed of client.messages.batches.list({ limit: 10 }))
    succeeded += listed.request_counts.succeeded;
  return succeeded;
}

/** Beta messages with `betas`, models, token counting, `.withResponse()`. */
export async function more(): Promise<string[]> {
  const betaParams: BetaParams = {
    model,
    max_tokens: 1024,
    messages: [{ role: "user", content: "Hi" }] as BetaMessageParam[],
    betas: ["interleaved-thinking-2025-05-14"],
  };
  const reply = await client.beta.messages.create({
    ...betaParams,
    stream: false,
    context_management: { edits: [{ type: "clear_tool_uses_20250919" }] },
    mcp_servers: [{ type: "url", name: "docs", url: "https://mcp.example.com" }],
    output_config: { effort: "low", task_budget: { type: "tokens", total: 4096 } },
  });
  const toolUse = reply.content.find((block): block is BetaToolUseBlock => block.type === "tool_use");
  const listParams: BetaModelListParams = { limit: 5, betas: ["b"] };
  const ids: string[] = [];
  for await (const info of client.beta.models.list(listParams)) ids.push(info.id);
  const info: ModelInfo = await client.models.retrieve(model);
  const count = await client.messages.countTokens({ model, messages: [{ role: "user", content: "Hi" }] });
  const { data, response } = await client.messages
    .create({ model, max_tokens: 16, messages: [{ role: "user", content: "Hi" }], user_profile_id: "u" })
    .withResponse();
  return [
    ...ids,
    info.display_name,
    String(count.input_tokens),
    data.id,
    response.statusText,
    toolUse?.name ?? "",
  ];
}

/** Errors, as the official README handles them. */
export async function errors(): Promise<string> {
  try {
    await client.messages.create({ model, max_tokens: 16, messages: [{ role: "user", content: "Hi" }] });
    return "ok";
  } catch (error) {
    if (error instanceof Anthropic.RateLimitError) return `retry after ${error.headers?.get("retry-after")}`;
    if (error instanceof APIError) {
      const body = error.error as ErrorResponse | undefined;
      return `${error.status} ${error.name} ${error.requestID} ${body?.error.type}`;
    }
    if (error instanceof Anthropic.APIConnectionError) return error.message;
    throw error;
  }
}

/** The official names of versioned tools, event aliases and pages. */
export async function officialNames(event: MessageStreamEvent): Promise<string> {
  const search: WebSearchTool20250305 = { type: "web_search_20250305", name: "web_search", max_uses: 3 };
  const bash: ToolBash20250124 = { type: "bash_20250124", name: "bash" };
  const turn: UserMessageParam = { role: "user", content: "Hi" };
  await client.messages.create({ model, max_tokens: 64, tools: [search, bash], messages: [turn] });
  const page: MessageBatchesPage = await client.messages.batches.list();
  const delta: ContentBlockDeltaEvent | undefined = event.type === "content_block_delta" ? event : undefined;
  return `${page.data.length} ${delta?.index}`;
}
