import { describeAttachments } from "./attachments.js";
import { hashString } from "./ids.js";
import type { InputUsage } from "./prompt-cache.js";
import { sampleFromSchema } from "./schema-sample.js";
import { structuredOutputSchema } from "./structured-output.js";
import { excerpt, fakeSignature, generateWords } from "./text-generator.js";
import { estimateTextTokens } from "./token-estimate.js";
import { triggerNotes } from "./trigger-notes.js";
import { lastUserText, type MockTriggers, stripDirectives } from "./triggers.js";
import type {
  ContentBlock,
  Message,
  MessagesRequest,
  RequestBlock,
  StopReason,
  TextCitation,
} from "./types.js";

/** The reply to a request, before it is wrapped as a `Message` or a stream. */
export interface ReplyPlan {
  content: ContentBlock[];
  stop_reason: StopReason;
  stop_sequence: string | null;
  output_tokens: number;
  /** Thinking tokens (also counted in `output_tokens`), or null without thinking. */
  thinking_tokens: number | null;
}

export interface ReplyContext {
  seed: string;
  now: number;
  triggers: MockTriggers;
  /** Makes the next `toolu_…` id. */
  nextToolUseId: () => string;
  /** Which answer to an identical request this is (1 = the first); later variants get other text. @default 1 */
  variant?: number;
}

function lastUserBlocks(request: MessagesRequest): RequestBlock[] {
  for (let index = request.messages.length - 1; index >= 0; index--) {
    const message = request.messages[index];
    if (message?.role === "user") return message.content;
  }
  return [];
}

function toolResultText(block: RequestBlock): string {
  const content = block.content;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return (content as RequestBlock[])
    .filter((item) => item.type === "text")
    .map((item) => String(item.text))
    .join(" ");
}

/** The tool to call: forced by `tool_choice`, asked for by a trigger, or named in the last user message. */
function chooseTool(request: MessagesRequest, triggers: MockTriggers, prompt: string): string | null {
  const tools = request.tools.filter((tool) => tool.input_schema !== undefined);
  const choice = request.tool_choice;
  if (choice?.type === "none" || tools.length === 0) return null;
  if (choice?.type === "tool") return choice.name;
  if (triggers.tool !== undefined) {
    if (triggers.tool === true) return tools[0]?.name ?? null;
    const named = tools.find((tool) => tool.name === triggers.tool);
    if (named) return named.name;
  }
  if (choice?.type === "any") return tools[0]?.name ?? null;
  // After tool results, answer in text unless a tool is forced, so tool loops end.
  if (lastUserBlocks(request).some((block) => block.type === "tool_result")) return null;
  const lower = prompt.toLowerCase();
  const mentioned = tools.find((tool) => {
    const name = tool.name.toLowerCase();
    return lower.includes(name) || lower.includes(name.replaceAll("_", " "));
  });
  return mentioned?.name ?? null;
}

interface CitedDocument {
  title: string;
  citation: TextCitation;
}

/** The first document or search result of the request with citations enabled, cited at its start. */
function findCitedDocument(request: MessagesRequest): CitedDocument | null {
  let documentIndex = 0;
  let searchResultIndex = 0;
  for (const message of request.messages) {
    if (message.role !== "user") continue;
    for (const block of message.content) {
      const enabled = (block.citations as { enabled?: boolean } | undefined)?.enabled === true;
      if (block.type === "search_result") {
        if (enabled) {
          const first = (block.content as RequestBlock[])[0];
          const title = String(block.title);
          return {
            title,
            citation: {
              type: "search_result_location",
              cited_text: String(first?.text ?? title),
              search_result_index: searchResultIndex,
              source: String(block.source),
              title,
              start_block_index: 0,
              end_block_index: 1,
            },
          };
        }
        searchResultIndex++;
      }
      if (block.type !== "document") continue;
      if (enabled) {
        const source = block.source as { type: string; data?: string; content?: unknown; file_id?: string };
        const title = typeof block.title === "string" ? block.title : null;
        const common = {
          document_index: documentIndex,
          document_title: title,
          file_id: source.file_id ?? null,
        };
        const label = title ?? "the document";
        if (source.type === "text") {
          const data = source.data ?? "";
          const end = /[.!?](\s|$)/.exec(data);
          const cited = data.slice(0, end ? end.index + 1 : Math.min(data.length, 200)) || data;
          return {
            title: label,
            citation: {
              type: "char_location",
              cited_text: cited,
              start_char_index: 0,
              end_char_index: cited.length,
              ...common,
            },
          };
        }
        if (source.type === "content") {
          const first = Array.isArray(source.content)
            ? (source.content[0] as RequestBlock | undefined)
            : undefined;
          const cited = typeof source.content === "string" ? source.content : String(first?.text ?? "");
          return {
            title: label,
            citation: {
              type: "content_block_location",
              cited_text: cited,
              start_block_index: 0,
              end_block_index: 1,
              ...common,
            },
          };
        }
        return {
          title: label,
          citation: {
            type: "page_location",
            cited_text: `Page 1 of ${label}.`,
            start_page_number: 1,
            end_page_number: 2,
            ...common,
          },
        };
      }
      documentIndex++;
    }
  }
  return null;
}

function thinkingWanted(request: MessagesRequest, triggers: MockTriggers): boolean {
  if (triggers.thinking !== undefined) return triggers.thinking;
  const type = request.thinking?.type;
  if (type === "enabled" || type === "adaptive") return true;
  return type === "between_tools" && lastUserBlocks(request).some((block) => block.type === "tool_result");
}

function blockTokens(block: ContentBlock): number {
  if (block.type === "text") return estimateTextTokens(block.text);
  if (block.type === "thinking") return estimateTextTokens(block.thinking);
  return estimateTextTokens(block.name + JSON.stringify(block.input));
}

/** Cuts text blocks at the earliest stop sequence; later blocks are dropped. */
function applyStopSequences(
  content: ContentBlock[],
  stopSequences: string[],
): { content: ContentBlock[]; sequence: string | null } {
  if (stopSequences.length === 0) return { content, sequence: null };
  for (let index = 0; index < content.length; index++) {
    const block = content[index];
    if (block?.type !== "text") continue;
    let best: { at: number; sequence: string } | null = null;
    for (const sequence of stopSequences) {
      const at = block.text.indexOf(sequence);
      if (at !== -1 && (!best || at < best.at)) best = { at, sequence };
    }
    if (best) {
      const kept = content.slice(0, index);
      const text = block.text.slice(0, best.at);
      if (text.length > 0) kept.push({ ...block, text });
      return { content: kept, sequence: best.sequence };
    }
  }
  return { content, sequence: null };
}

/** Keeps content within `max_tokens`: text and thinking are cut, a tool call that does not fit is dropped. */
function applyMaxTokens(
  content: ContentBlock[],
  maxTokens: number,
): { content: ContentBlock[]; truncated: boolean } {
  const kept: ContentBlock[] = [];
  let remaining = maxTokens;
  for (const block of content) {
    const tokens = blockTokens(block);
    if (tokens <= remaining) {
      kept.push(block);
      remaining -= tokens;
      continue;
    }
    if (remaining > 0 && block.type === "text")
      kept.push({ ...block, text: block.text.slice(0, remaining * 4) });
    if (remaining > 0 && block.type === "thinking") {
      const thinking = block.thinking.slice(0, remaining * 4);
      kept.push({ ...block, thinking, signature: fakeSignature(thinking) });
    }
    return { content: kept, truncated: true };
  }
  return { content: kept, truncated: false };
}

/**
 * The deterministic reply to a validated request: the same request, seed and triggers always give the
 * same content. Text by default (a quotation of the prompt and generated prose), a `tool_use` with input
 * generated from the tool's `input_schema` when a tool is forced, named or triggered, a thinking block
 * when thinking is on, cited text when a document enables citations; then stop sequences and
 * `max_tokens` are applied.
 */
export function generateReply(request: MessagesRequest, context: ReplyContext): ReplyPlan {
  const { triggers } = context;
  const variant = context.variant ?? 1;
  const prompt = stripDirectives(lastUserText(request.messages));
  const requestKey = `${context.seed}:${JSON.stringify(request.messages)}:${JSON.stringify(request.system)}`;
  // Variant 1 keeps the key (and so the reply) a single request has always had.
  const key = variant === 1 ? requestKey : `${requestKey}:variant:${variant}`;
  const toolName = chooseTool(request, triggers, prompt);
  const toolResults = lastUserBlocks(request).filter((block) => block.type === "tool_result");
  const content: ContentBlock[] = [];

  let thinkingTokens: number | null = null;
  const thinks =
    thinkingWanted(request, triggers) &&
    request.tool_choice?.type !== "any" &&
    request.tool_choice?.type !== "tool";
  if (thinks) {
    const plan = toolName ? `call the ${toolName} tool` : "answer in a few sentences";
    const thinking = `The user wrote "${excerpt(prompt) || "(no text)"}". I will ${plan}. ${generateWords(`${key}:thinking`, 12)}`;
    thinkingTokens = estimateTextTokens(thinking);
    const display = (request.thinking as { display?: string | null } | null)?.display;
    content.push({
      type: "thinking",
      thinking: display === "omitted" ? "" : thinking,
      signature: fakeSignature(thinking),
    });
  }

  const forced = request.tool_choice?.type === "any" || request.tool_choice?.type === "tool";
  const outputSchema = toolName ? null : structuredOutputSchema(request);
  let text: string;
  if (triggers.reply !== undefined) text = triggers.reply;
  else if (outputSchema) {
    text = JSON.stringify(sampleFromSchema(outputSchema, { root: outputSchema, now: context.now }));
  } else if (triggers.words !== undefined) text = generateWords(key, triggers.words);
  else if (toolName) text = `I'll use the ${toolName} tool to help with that.`;
  else if (toolResults.length > 0) {
    const summary = toolResults.map((block) => excerpt(toolResultText(block)) || "(empty)").join("; ");
    text = `The tool returned: ${summary}. ${generateWords(key, 8 + (hashString(key) % 12))}`;
  } else {
    const quoted = excerpt(prompt);
    const reply = variant === 1 ? "a mock reply" : `mock reply ${variant}`;
    const opening = quoted ? `This is ${reply} to “${quoted}”.` : `This is ${reply}.`;
    const attachments = describeAttachments(lastUserBlocks(request));
    const seen = attachments ? ` I see ${attachments}.` : "";
    text = `${opening}${seen} ${generateWords(key, 12 + (hashString(key) % 24))}`;
  }
  // Notes would break the JSON a structured output must be, so that reply goes without them.
  const forcedCall = forced && toolName !== null;
  const notes = outputSchema
    ? []
    : triggerNotes(request, triggers, { toolName, thinking: thinks, forcedCall });
  // A forced tool call has no text of its own: only the notes, if any, are said.
  if (forcedCall) text = notes.join(" ");
  else if (notes.length > 0) text = text.length > 0 ? `${notes.join(" ")}\n\n${text}` : notes.join(" ");

  const cited = toolName ? null : findCitedDocument(request);
  if (cited) {
    content.push({ type: "text", text: `According to ${cited.title}, ` });
    content.push({ type: "text", text: cited.citation.cited_text, citations: [cited.citation] });
    content.push({ type: "text", text: ` ${text}` });
  } else if (text.length > 0) {
    content.push({ type: "text", text });
  }

  if (toolName) {
    const tool = request.tools.find((candidate) => candidate.name === toolName);
    const schema = tool?.input_schema ?? { type: "object" };
    const input = sampleFromSchema(schema, { root: schema, now: context.now });
    content.push({
      type: "tool_use",
      id: context.nextToolUseId(),
      name: toolName,
      input,
      caller: { type: "direct" },
    });
  }

  const stopped = applyStopSequences(content, request.stop_sequences);
  const limited = applyMaxTokens(stopped.content, request.max_tokens ?? Number.POSITIVE_INFINITY);
  let stopReason: StopReason = "end_turn";
  if (stopped.sequence !== null) stopReason = "stop_sequence";
  else if (limited.truncated) stopReason = "max_tokens";
  else if (limited.content.some((block) => block.type === "tool_use")) stopReason = "tool_use";

  const finalContent = limited.content;
  let outputTokens = finalContent.reduce((total, block) => total + blockTokens(block), 0);
  const finalThinking = finalContent.find((block) => block.type === "thinking");
  if (finalThinking && thinkingTokens !== null) {
    // Omitted thinking is still generated (and billed); count what the model wrote, not what was shown.
    outputTokens += thinkingTokens - blockTokens(finalThinking);
    thinkingTokens = Math.min(thinkingTokens, outputTokens);
  } else thinkingTokens = null;
  if (request.max_tokens !== 0)
    outputTokens = Math.max(1, Math.min(outputTokens, request.max_tokens ?? outputTokens));
  return {
    content: finalContent,
    stop_reason: stopReason,
    stop_sequence: stopped.sequence,
    output_tokens: outputTokens,
    thinking_tokens: thinkingTokens,
  };
}

/** Wraps a reply plan as the complete non-streaming `Message`, every field present. */
export function buildMessage(
  plan: ReplyPlan,
  options: { id: string; model: string; input: InputUsage; serviceTier: "standard" | "batch" },
): Message {
  return {
    id: options.id,
    type: "message",
    role: "assistant",
    model: options.model,
    content: plan.content,
    stop_reason: plan.stop_reason,
    stop_sequence: plan.stop_sequence,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: options.input.input_tokens,
      cache_creation_input_tokens: options.input.cache_creation_input_tokens,
      cache_read_input_tokens: options.input.cache_read_input_tokens,
      cache_creation: options.input.cache_creation,
      output_tokens: plan.output_tokens,
      output_tokens_details: plan.thinking_tokens === null ? null : { thinking_tokens: plan.thinking_tokens },
      server_tool_use: null,
      service_tier: options.serviceTier,
      inference_geo: null,
      speed: null,
    },
  };
}
