import type { MessageBatchResult } from "@colloquy/client";

/** Batch results as JSONL, one `{ custom_id, result }` per line in the given order, like the API serves them. */
export function resultsToJsonl(
  customIds: readonly string[],
  results: Readonly<Record<string, MessageBatchResult>>,
): string {
  return customIds
    .filter((customId) => results[customId] !== undefined)
    .map((customId) => `${JSON.stringify({ custom_id: customId, result: results[customId] })}\n`)
    .join("");
}

/** Makes the browser save a text as a file. */
export function downloadText(fileName: string, text: string, type = "application/jsonl"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
