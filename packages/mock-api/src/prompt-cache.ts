import { hashString } from "./ids.js";
import { type PromptPart, promptParts } from "./token-estimate.js";
import type { MessagesRequest } from "./types.js";

/** The smallest prefix the mock caches, like the real API's per-model minimum. */
export const MIN_CACHEABLE_TOKENS = 1024;

export interface InputUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

export interface PromptCache {
  /**
   * Input usage of a request. A prefix ending at a `cache_control` breakpoint is written on first use
   * (`cache_creation_input_tokens`) and read by later requests with the same prefix within its TTL.
   * With `record: false` the cache is consulted as if empty and left unchanged (batch results).
   */
  usageFor(request: MessagesRequest, options?: { record?: boolean }): InputUsage;
  clear(): void;
}

const TTL_MS = { "5m": 5 * 60_000, "1h": 60 * 60_000 } as const;

function withTopLevelBreakpoint(request: MessagesRequest, parts: PromptPart[]): PromptPart[] {
  if (!request.cache_control) return parts;
  // Top-level cache_control marks the last cacheable block, which is the last part carrying tokens of content.
  for (let index = parts.length - 1; index >= 0; index--) {
    const part = parts[index];
    if (part && !part.key.startsWith("role:") && part.key !== "system") {
      if (!part.cacheControl) parts[index] = { ...part, cacheControl: request.cache_control };
      break;
    }
  }
  return parts;
}

/** A per-instance prompt cache keyed by prefix hashes, with clock-based expiry. */
export function createPromptCache(now: () => number): PromptCache {
  const entries = new Map<number, number>();

  return {
    usageFor(request, options = {}) {
      const record = options.record ?? true;
      const parts = withTopLevelBreakpoint(request, promptParts(request));
      const prefixTokens: number[] = [];
      const prefixKeys: number[] = [];
      let running = 0;
      let runningKey = "";
      for (const part of parts) {
        running += part.tokens;
        runningKey = String(hashString(runningKey + part.key));
        prefixTokens.push(running);
        prefixKeys.push(Number(runningKey));
      }
      const total = running;
      const breakpoints = parts.flatMap((part, index) => (part.cacheControl ? [index] : []));
      const empty = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
      if (breakpoints.length === 0) {
        return {
          input_tokens: total,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          cache_creation: empty,
        };
      }
      const time = now();
      let read = 0;
      for (const index of breakpoints) {
        const key = prefixKeys[index] ?? 0;
        const expiry = entries.get(key);
        if (record && expiry !== undefined && expiry > time) read = prefixTokens[index] ?? 0;
      }
      const lastIndex = breakpoints[breakpoints.length - 1] ?? 0;
      const lastPrefix = prefixTokens[lastIndex] ?? 0;
      const cacheable = lastPrefix >= MIN_CACHEABLE_TOKENS;
      const created = cacheable ? Math.max(0, lastPrefix - read) : 0;
      const ttl = parts[lastIndex]?.cacheControl?.ttl === "1h" ? "1h" : "5m";
      if (record && cacheable) {
        for (const index of breakpoints) {
          if ((prefixTokens[index] ?? 0) < MIN_CACHEABLE_TOKENS) continue;
          const partTtl = parts[index]?.cacheControl?.ttl === "1h" ? "1h" : "5m";
          entries.set(prefixKeys[index] ?? 0, time + TTL_MS[partTtl]);
        }
      }
      return {
        input_tokens: total - read - created,
        cache_creation_input_tokens: created,
        cache_read_input_tokens: read,
        cache_creation: {
          ephemeral_5m_input_tokens: ttl === "5m" ? created : 0,
          ephemeral_1h_input_tokens: ttl === "1h" ? created : 0,
        },
      };
    },
    clear() {
      entries.clear();
    },
  };
}
