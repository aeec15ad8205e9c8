import { safeLinkUrl } from "../safe-url.js";
import type { InlineNode } from "./ast.js";

const escapable = /[\\`*_{}[\]()#+\-.!|~<>"']/;
const bareUrl = /^(?:https?:\/\/|mailto:)[^\s<>]+/i;

/** Parses inline markdown into nodes; an opener without its closer stays literal text. */
export function parseInline(source: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") nodes.push({ type: "text", value: text });
    text = "";
  };
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    const next = source[index + 1];

    if (char === "\\" && next !== undefined && escapable.test(next)) {
      text += next;
      index += 2;
      continue;
    }
    if (char === "\\" && next === "\n") {
      flush();
      nodes.push({ type: "break" });
      index += 2;
      continue;
    }
    if (char === "\n") {
      text = text.replace(/ +$/, "");
      flush();
      nodes.push({ type: "break" });
      index += 1;
      continue;
    }
    if (char === "`") {
      const run = /^`+/.exec(source.slice(index))![0];
      const close = findBacktickRun(source, index + run.length, run.length);
      if (close !== -1) {
        flush();
        let value = source.slice(index + run.length, close).replace(/\n/g, " ");
        if (value.length > 2 && value.startsWith(" ") && value.endsWith(" ")) value = value.slice(1, -1);
        nodes.push({ type: "code", value });
        index = close + run.length;
        continue;
      }
      text += run;
      index += run.length;
      continue;
    }
    if ((char === "*" || char === "_") && next === char) {
      const delimiter = char + char;
      const close = findCloser(source, index + 2, delimiter);
      if (close !== -1 && canOpen(source, index, 2, char)) {
        flush();
        nodes.push({ type: "strong", children: parseInline(source.slice(index + 2, close)) });
        index = close + 2;
        continue;
      }
    }
    if (char === "~" && next === "~") {
      const close = findCloser(source, index + 2, "~~");
      if (close !== -1 && canOpen(source, index, 2, char)) {
        flush();
        nodes.push({ type: "delete", children: parseInline(source.slice(index + 2, close)) });
        index = close + 2;
        continue;
      }
    }
    if ((char === "*" || char === "_") && next !== char) {
      const close = findCloser(source, index + 1, char);
      if (close !== -1 && canOpen(source, index, 1, char)) {
        flush();
        nodes.push({ type: "emphasis", children: parseInline(source.slice(index + 1, close)) });
        index = close + 1;
        continue;
      }
    }
    if (char === "[") {
      const link = matchLink(source, index);
      if (link) {
        flush();
        nodes.push({ type: "link", href: safeLinkUrl(link.target), children: parseInline(link.label) });
        index = link.end;
        continue;
      }
    }
    if (char === "<") {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(source.slice(index));
      if (auto) {
        flush();
        const href = safeLinkUrl(auto[1]!);
        nodes.push({ type: "link", href, children: [{ type: "text", value: auto[1]! }] });
        index += auto[0].length;
        continue;
      }
    }
    if ((char === "h" || char === "H" || char === "m" || char === "M") && !/[A-Za-z0-9]$/.test(text)) {
      const match = bareUrl.exec(source.slice(index));
      if (match) {
        const url = match[0].replace(/[.,;:!?'")\]]+$/, "");
        const href = safeLinkUrl(url);
        if (href !== null) {
          flush();
          nodes.push({ type: "link", href, children: [{ type: "text", value: url }] });
          index += url.length;
          continue;
        }
      }
    }
    text += char;
    index += 1;
  }
  flush();
  return nodes;
}

function findBacktickRun(source: string, from: number, length: number): number {
  let index = source.indexOf("`", from);
  while (index !== -1) {
    let end = index;
    while (source[end] === "`") end += 1;
    if (end - index === length) return index;
    index = source.indexOf("`", end);
  }
  return -1;
}

/** An opener must be followed by a non-space; `_` must not sit inside a word (snake_case stays literal). */
function canOpen(source: string, index: number, length: number, char: string): boolean {
  const after = source[index + length];
  if (after === undefined || /\s/.test(after)) return false;
  if (char === "_") {
    const before = source[index - 1];
    if (before !== undefined && /[A-Za-z0-9]/.test(before)) return false;
  }
  return true;
}

/** The next closing delimiter preceded by a non-space, skipping code spans and escapes. */
function findCloser(source: string, from: number, delimiter: string): number {
  let index = from;
  while (index < source.length) {
    const char = source[index]!;
    if (char === "\\") {
      index += 2;
      continue;
    }
    if (char === "`") {
      const run = /^`+/.exec(source.slice(index))![0];
      const close = findBacktickRun(source, index + run.length, run.length);
      index = close === -1 ? index + run.length : close + run.length;
      continue;
    }
    if (source.startsWith(delimiter, index) && index > from) {
      const before = source[index - 1]!;
      const after = source[index + delimiter.length];
      const single = delimiter.length === 1;
      // A single `*` directly before another `*` belongs to a `**` pair, not to this emphasis.
      const partOfDouble = single && (after === delimiter || before === delimiter);
      const intraword = delimiter === "_" && after !== undefined && /[A-Za-z0-9]/.test(after);
      if (!/\s/.test(before) && !partOfDouble && !intraword) return index;
      index += delimiter.length;
      continue;
    }
    index += 1;
  }
  return -1;
}

function matchLink(source: string, start: number): { label: string; target: string; end: number } | null {
  let depth = 0;
  let index = start;
  for (; index < source.length; index += 1) {
    const char = source[index];
    if (char === "\\") {
      index += 1;
      continue;
    }
    if (char === "[") depth += 1;
    if (char === "]") {
      depth -= 1;
      if (depth === 0) break;
    }
    if (char === "\n" && source[index + 1] === "\n") return null;
  }
  if (index >= source.length || source[index + 1] !== "(") return null;
  const targetStart = index + 2;
  let parens = 1;
  let end = targetStart;
  for (; end < source.length; end += 1) {
    const char = source[end];
    if (char === "(") parens += 1;
    if (char === ")") {
      parens -= 1;
      if (parens === 0) break;
    }
    if (char === "\n") return null;
  }
  if (end >= source.length) return null;
  const rawTarget = source.slice(targetStart, end).trim();
  // `[text](url "title")`: the title is dropped.
  const target = rawTarget.startsWith("<")
    ? rawTarget.slice(1, rawTarget.indexOf(">"))
    : rawTarget.split(/\s+/)[0]!;
  return { label: source.slice(start + 1, index), target, end: end + 1 };
}
