import type { MessageBatchRequest, MessageCreateParamsNonStreaming } from "@colloquy/client";

/** How the pasted or uploaded text is read. `auto` picks JSONL when every line is a JSON object. */
export type BatchInputFormat = "auto" | "lines" | "csv" | "jsonl";

/** Values used for every request that does not set its own. */
export interface BatchDefaults {
  model: string;
  max_tokens: number;
  system?: string;
}

/** A problem with one line (1-based) of the input. */
export interface BatchInputError {
  line: number;
  message: string;
}

export interface ParsedBatchInput {
  requests: MessageBatchRequest[];
  errors: BatchInputError[];
  /** The format actually used (never `auto`). */
  format: Exclude<BatchInputFormat, "auto">;
}

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;

/** A row of input before defaults are applied: a prompt, or full params from JSONL. */
interface Row {
  line: number;
  customId?: string;
  prompt?: string;
  model?: string;
  maxTokens?: number;
  system?: string;
  params?: MessageCreateParamsNonStreaming;
}

/** Whether a line is a CSV header naming a `prompt` column (as in `custom_id,prompt`), quoted or not. */
function hasCsvHeader(line: string): boolean {
  if (!line.includes(",")) return false;
  const names = line.split(",").map((name) =>
    name
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim()
      .toLowerCase(),
  );
  return names.includes("prompt");
}

/**
 * Picks a format from a file name (`.csv`, `.jsonl`, `.ndjson`, `.json`) or, failing that, the content:
 * JSONL when every line is a JSON object, CSV when the first line is a header with a `prompt` column.
 */
export function detectBatchInputFormat(text: string, fileName?: string): Exclude<BatchInputFormat, "auto"> {
  const lower = fileName?.toLowerCase() ?? "";
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) return "jsonl";
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length > 0 && lines.every((line) => line.trim().startsWith("{"))) return "jsonl";
  if (lines.length > 0 && hasCsvHeader(lines[0] ?? "")) return "csv";
  return "lines";
}

/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, newlines and `""`).
 * Each row carries the 1-based line it starts on.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let rowHasContent = false;
  const endRow = () => {
    fields.push(field);
    if (rowHasContent || fields.length > 1 || field !== "") rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
    rowHasContent = false;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n") line++;
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
      rowHasContent = true;
    } else if (char === ",") {
      fields.push(field);
      field = "";
      rowHasContent = true;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += char;
    }
  }
  if (field !== "" || fields.length > 0 || rowHasContent) endRow();
  return rows;
}

function parseLines(text: string): Row[] {
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const prompt = raw.trim();
    if (prompt !== "") rows.push({ line: index + 1, prompt });
  });
  return rows;
}

function parseCsvRows(text: string, errors: BatchInputError[]): Row[] {
  const table = parseCsv(text);
  const header = table[0]?.fields.map((name) => name.trim().toLowerCase());
  if (header?.includes("prompt")) {
    const column = (name: string) => header.indexOf(name);
    const [idColumn, promptColumn, modelColumn, maxColumn, systemColumn] = [
      "custom_id",
      "prompt",
      "model",
      "max_tokens",
      "system",
    ].map(column) as [number, number, number, number, number];
    const rows: Row[] = [];
    for (const { line, fields } of table.slice(1)) {
      const cell = (columnIndex: number) =>
        columnIndex >= 0 ? fields[columnIndex]?.trim() || undefined : undefined;
      const maxTokensText = cell(maxColumn);
      const maxTokens = maxTokensText === undefined ? undefined : Number(maxTokensText);
      if (maxTokens !== undefined && (!Number.isInteger(maxTokens) || maxTokens < 1)) {
        errors.push({ line, message: `max_tokens must be a positive integer, got "${maxTokensText}"` });
        continue;
      }
      rows.push({
        line,
        customId: cell(idColumn),
        prompt: cell(promptColumn),
        model: cell(modelColumn),
        maxTokens,
        system: cell(systemColumn),
      });
    }
    return rows;
  }
  // Without a header: one column is the prompt; two are custom_id, prompt.
  return table.map(({ line, fields }) =>
    fields.length >= 2
      ? { line, customId: fields[0]?.trim() || undefined, prompt: fields.slice(1).join(",").trim() }
      : { line, prompt: fields[0]?.trim() },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJsonlRows(text: string, errors: BatchInputError[]): Row[] {
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push({ line, message: "not valid JSON" });
      return;
    }
    if (!isRecord(value)) {
      errors.push({ line, message: "each line must be a JSON object" });
      return;
    }
    const customId = typeof value.custom_id === "string" ? value.custom_id : undefined;
    if (isRecord(value.params)) {
      rows.push({ line, customId, params: value.params as unknown as MessageCreateParamsNonStreaming });
      return;
    }
    if (typeof value.prompt !== "string") {
      errors.push({ line, message: 'expected "params" (a Messages request) or "prompt" (a string)' });
      return;
    }
    rows.push({
      line,
      customId,
      prompt: value.prompt,
      model: typeof value.model === "string" ? value.model : undefined,
      maxTokens: typeof value.max_tokens === "number" ? value.max_tokens : undefined,
      system: typeof value.system === "string" ? value.system : undefined,
    });
  });
  return rows;
}

/**
 * Reads a list of prompts (one per line), a CSV (a `prompt` column, optionally `custom_id`, `model`,
 * `max_tokens`, `system`; or headerless `prompt` / `custom_id,prompt` rows) or JSONL (`{ custom_id, params }`
 * or `{ custom_id?, prompt, model?, max_tokens?, system? }` per line) into batch requests. Missing
 * `custom_id`s become `request-N`; invalid and duplicate ones are reported with their line.
 */
export function parseBatchInput(
  text: string,
  defaults: BatchDefaults,
  format: BatchInputFormat = "auto",
  fileName?: string,
): ParsedBatchInput {
  const used = format === "auto" ? detectBatchInputFormat(text, fileName) : format;
  const errors: BatchInputError[] = [];
  const rows =
    used === "csv"
      ? parseCsvRows(text, errors)
      : used === "jsonl"
        ? parseJsonlRows(text, errors)
        : parseLines(text);

  const requests: MessageBatchRequest[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const customId = row.customId ?? `request-${index + 1}`;
    if (!CUSTOM_ID.test(customId)) {
      errors.push({ line: row.line, message: `custom_id "${customId}" must match ^[a-zA-Z0-9_-]{1,64}$` });
      return;
    }
    if (seen.has(customId)) {
      errors.push({ line: row.line, message: `custom_id "${customId}" is used twice` });
      return;
    }
    if (row.params) {
      seen.add(customId);
      requests.push({ custom_id: customId, params: row.params });
      return;
    }
    if (!row.prompt) {
      errors.push({ line: row.line, message: "the prompt is empty" });
      return;
    }
    seen.add(customId);
    const system = row.system ?? defaults.system;
    requests.push({
      custom_id: customId,
      params: {
        model: row.model ?? defaults.model,
        max_tokens: row.maxTokens ?? defaults.max_tokens,
        ...(system ? { system } : {}),
        messages: [{ role: "user", content: row.prompt }],
      },
    });
  });
  errors.sort((first, second) => first.line - second.line);
  return { requests, errors, format: used };
}
