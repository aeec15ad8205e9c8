import { createRandom, hashString } from "./ids.js";

const vocabulary = (
  "the a mock reply stays deterministic for every request so tests can rely on it while demos still feel " +
  "alive and each answer reads like plain prose about clouds rivers mountains gardens lanterns harbors " +
  "quiet mornings bright ideas small steps careful plans simple tools steady progress useful notes clear " +
  "questions gentle answers warm light open roads patient work shared stories good questions future builds"
).split(" ");

/** Splits a text into pieces (a word and its trailing spaces) whose concatenation is the text. */
export function textPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Number of words of a text, as `words=N` counts them. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/**
 * `count` words of deterministic prose from `key` (the same key always gives the same text), in
 * sentences of 6 to 13 words that start with a capital and end with a period.
 */
export function generateWords(key: string, count: number): string {
  const random = createRandom(hashString(key));
  const words: string[] = [];
  let sentenceLength = 6 + Math.floor(random() * 8);
  let inSentence = 0;
  for (let index = 0; index < count; index++) {
    let word = vocabulary[Math.floor(random() * vocabulary.length)] ?? "mock";
    if (inSentence === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    inSentence++;
    if (inSentence === sentenceLength || index === count - 1) {
      word += ".";
      inSentence = 0;
      sentenceLength = 6 + Math.floor(random() * 8);
    }
    words.push(word);
  }
  return words.join(" ");
}

/** A short quotation of a prompt for replies: its first line, at most 60 characters. */
export function excerpt(text: string): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** A signature-like opaque string derived from a text (what the API would sign). */
export function fakeSignature(text: string): string {
  const random = createRandom(hashString(`signature:${text}`));
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let signature = "EqQBCkgIARABGAIiQ";
  for (let index = 0; index < 96; index++) signature += alphabet[Math.floor(random() * 64)];
  return `${signature}==`;
}
