import type { ModelInfo } from "./types.js";

/** A model the mock serves; `aliases` resolve to it in `GET /v1/models/{id}` and in Messages requests. */
export interface CatalogModel extends ModelInfo {
  aliases: string[];
}

/** A model given in the `models` option: an id, or a partial `ModelInfo` with at least an id. */
export type ModelOption = string | (Partial<ModelInfo> & { id: string; aliases?: string[] });

function capabilities(thinkingTypes: { enabled: boolean; adaptive: boolean }): Record<string, unknown> {
  const supported = { supported: true };
  return {
    batch: supported,
    citations: supported,
    code_execution: supported,
    image_input: supported,
    pdf_input: supported,
    structured_outputs: supported,
    thinking: {
      supported: true,
      types: {
        enabled: { supported: thinkingTypes.enabled },
        adaptive: { supported: thinkingTypes.adaptive },
        disabled: supported,
        between_tools: supported,
      },
    },
    effort: {
      supported: true,
      low: supported,
      medium: supported,
      high: supported,
      max: supported,
      xhigh: null,
    },
    context_management: {
      supported: false,
      clear_thinking_20251015: null,
      clear_tool_uses_20250919: null,
      compact_20260112: null,
    },
    server_tools: { supported: true, web_search: supported, code_execution: supported },
  };
}

type Row = [
  id: string,
  displayName: string,
  createdAt: string,
  maxInput: number,
  maxTokens: number,
  aliases?: string[],
];

// Context windows (`max_input_tokens`) and output limits (`max_tokens`) are those of the official model
// pages, https://platform.claude.com/docs/en/models/<model>/overview ("Context window · Max output"),
// read on 2026-12-04. Mythos models share the specifications of the Fable model of the same version, as
// those pages say (the retired Mythos Preview is given the same). Creation dates are illustrative; the ids
// are those the official SDK knows.
const rows: Row[] = [
  ["claude-fable-5-2", "Claude Fable 5.2", "2026-11-10", 1_000_000, 128_000],
  ["claude-mythos-5-2", "Claude Mythos 5.2", "2026-11-09", 1_000_000, 128_000],
  ["claude-haiku-5-5", "Claude Haiku 5.5", "2026-10-28", 1_000_000, 128_000],
  ["claude-sonnet-5-5", "Claude Sonnet 5.5", "2026-10-14", 1_000_000, 128_000],
  ["claude-fable-5-1", "Claude Fable 5.1", "2026-09-30", 1_000_000, 128_000],
  ["claude-opus-5-5", "Claude Opus 5.5", "2026-09-16", 1_000_000, 128_000],
  ["claude-mythos-5-1", "Claude Mythos 5.1", "2026-09-02", 1_000_000, 128_000],
  ["claude-sonnet-5", "Claude Sonnet 5", "2026-08-05", 1_000_000, 128_000],
  ["claude-fable-5", "Claude Fable 5", "2026-07-22", 1_000_000, 128_000],
  ["claude-mythos-5", "Claude Mythos 5", "2026-07-08", 1_000_000, 128_000],
  ["claude-opus-5", "Claude Opus 5", "2026-06-24", 1_000_000, 128_000],
  ["claude-opus-4-8", "Claude Opus 4.8", "2026-05-20", 1_000_000, 128_000],
  ["claude-opus-4-7", "Claude Opus 4.7", "2026-04-15", 1_000_000, 128_000],
  ["claude-mythos-preview", "Claude Mythos Preview", "2026-03-10", 1_000_000, 128_000],
  ["claude-sonnet-4-6", "Claude Sonnet 4.6", "2026-02-17", 1_000_000, 128_000],
  ["claude-opus-4-6", "Claude Opus 4.6", "2026-02-05", 1_000_000, 128_000],
  ["claude-opus-4-5-20251101", "Claude Opus 4.5", "2025-11-01", 200_000, 64_000, ["claude-opus-4-5"]],
  ["claude-haiku-4-5-20251001", "Claude Haiku 4.5", "2025-10-01", 200_000, 64_000, ["claude-haiku-4-5"]],
  ["claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", "2025-09-29", 200_000, 64_000, ["claude-sonnet-4-5"]],
];

const lifecycles: Record<string, Pick<ModelInfo, "lifecycle" | "deprecated_at" | "retires_at">> = {
  "claude-mythos-preview": {
    lifecycle: "retired",
    deprecated_at: "2026-04-30T00:00:00Z",
    retires_at: "2026-06-30T00:00:00Z",
  },
  "claude-sonnet-4-5-20250929": {
    lifecycle: "deprecated",
    deprecated_at: "2026-08-30T00:00:00Z",
    retires_at: "2026-11-30T00:00:00Z",
  },
  "claude-opus-4-5-20251101": {
    lifecycle: "deprecated",
    deprecated_at: "2026-09-22T00:00:00Z",
    retires_at: "2027-01-22T00:00:00Z",
  },
};

function lineOf(id: string): string | null {
  const match = /claude-(haiku|sonnet|opus|fable|mythos)/.exec(id);
  return match?.[1] ?? null;
}

/** The models the mock serves by default, newest first. */
export function defaultModels(): CatalogModel[] {
  return rows.map(([id, displayName, createdAt, maxInput, maxTokens, aliases]) => ({
    type: "model",
    id,
    display_name: displayName,
    created_at: `${createdAt}T00:00:00Z`,
    lifecycle: "active",
    deprecated_at: null,
    retires_at: null,
    ...lifecycles[id],
    line: lineOf(id),
    max_input_tokens: maxInput,
    max_tokens: maxTokens,
    capabilities: capabilities({ enabled: !/opus-(4-[78]|5)|sonnet-5|fable-5/.test(id), adaptive: true }),
    aliases: aliases ?? [],
  }));
}

/** Turns the `models` option into catalog entries (known ids keep their catalog data), newest first. */
export function buildCatalog(models: readonly ModelOption[] | undefined): CatalogModel[] {
  const defaults = defaultModels();
  if (!models) return defaults;
  const catalog = models.map((option, index): CatalogModel => {
    const given = typeof option === "string" ? { id: option } : option;
    const known = defaults.find((model) => model.id === given.id || model.aliases.includes(given.id));
    const base: CatalogModel = known ?? {
      type: "model",
      id: given.id,
      display_name: given.id,
      created_at: new Date(Date.UTC(2026, 0, 1) - index * 86_400_000).toISOString().replace(".000Z", "Z"),
      lifecycle: "active",
      deprecated_at: null,
      retires_at: null,
      line: lineOf(given.id),
      max_input_tokens: 200_000,
      max_tokens: 64_000,
      capabilities: null,
      aliases: [],
    };
    return { ...base, ...given, type: "model", aliases: given.aliases ?? base.aliases };
  });
  return catalog.sort((left, right) => right.created_at.localeCompare(left.created_at));
}

/** Finds a model by id or alias. */
export function findModel(catalog: readonly CatalogModel[], id: string): CatalogModel | undefined {
  return catalog.find((model) => model.id === id || model.aliases.includes(id));
}

/** The public `ModelInfo` of a catalog entry (without the mock-only `aliases`). */
export function toModelInfo(model: CatalogModel): ModelInfo {
  const { aliases: _aliases, ...info } = model;
  return info;
}
