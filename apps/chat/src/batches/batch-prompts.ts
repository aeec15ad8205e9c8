import type { MessageBatchRequest } from "@colloquy/client";

export const BATCH_PROMPTS_STORAGE_KEY = "colloquy.batch-prompts.v1";
/** Batches whose prompts are remembered; the oldest are forgotten first. */
const MAX_BATCHES = 50;
/** Characters of a prompt kept (the results table shows it under the custom_id). */
const MAX_PROMPT_LENGTH = 500;

type Storage_ = Pick<Storage, "getItem" | "setItem">;
type PromptsByBatch = Record<string, Record<string, string>>;

function load(storage: Storage_ | undefined): PromptsByBatch {
  try {
    const parsed = JSON.parse(storage?.getItem(BATCH_PROMPTS_STORAGE_KEY) ?? "null") as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as PromptsByBatch)
      : {};
  } catch {
    return {};
  }
}

/** The text a request asks: its last user message's text (a string or its text blocks). */
export function requestPrompt(request: MessageBatchRequest): string | undefined {
  const last = request.params.messages.at(-1);
  if (!last) return undefined;
  const text =
    typeof last.content === "string"
      ? last.content
      : last.content.map((block) => (block.type === "text" ? block.text : "")).join("\n");
  return text.trim() === "" ? undefined : text.slice(0, MAX_PROMPT_LENGTH);
}

/**
 * Remembers the prompts of a created batch (the API's results carry only `custom_id`s), so its results can
 * show what each request asked.
 */
export function saveBatchPrompts(
  storage: Storage_ | undefined,
  batchId: string,
  requests: readonly MessageBatchRequest[],
): void {
  const prompts: Record<string, string> = {};
  for (const request of requests) {
    const prompt = requestPrompt(request);
    if (prompt !== undefined) prompts[request.custom_id] = prompt;
  }
  const entries = Object.entries({ ...load(storage), [batchId]: prompts }).slice(-MAX_BATCHES);
  try {
    storage?.setItem(BATCH_PROMPTS_STORAGE_KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Storage full or blocked: the results show the custom_ids alone.
  }
}

/** The remembered prompts of a batch by `custom_id` (empty when this browser did not create it). */
export function loadBatchPrompts(storage: Storage_ | undefined, batchId: string): Record<string, string> {
  return load(storage)[batchId] ?? {};
}
