const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** FNV-1a: a small, stable 32-bit hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded pseudo-random generator (mulberry32) returning floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function randomChars(random: () => number, length: number): string {
  let out = "";
  for (let index = 0; index < length; index++) out += BASE62[Math.floor(random() * 62)];
  return out;
}

/** Id prefixes in the shapes the real API uses (`msg_01…`, `req_011C…`). */
const shapes = {
  message: ["msg_01", 22],
  toolUse: ["toolu_01", 22],
  batch: ["msgbatch_01", 22],
  request: ["req_011C", 20],
} as const;

export type IdKind = keyof typeof shapes;

export interface IdGenerator {
  /** The next id of a kind; the sequence depends only on the seed and the call order. */
  next(kind: IdKind): string;
  /** An id that depends only on the seed and `key` (stable across calls). */
  derived(kind: IdKind, key: string): string;
  /** Restarts the sequence from the seed. */
  reset(): void;
}

/** Deterministic ids: the same seed and the same sequence of calls give the same ids. */
export function createIdGenerator(seed: string | number): IdGenerator {
  const seedHash = hashString(String(seed));
  let random = createRandom(seedHash);
  return {
    next(kind) {
      const [prefix, length] = shapes[kind];
      return prefix + randomChars(random, length);
    },
    derived(kind, key) {
      const [prefix, length] = shapes[kind];
      return prefix + randomChars(createRandom(hashString(`${seedHash}:${key}`)), length);
    },
    reset() {
      random = createRandom(seedHash);
    },
  };
}
