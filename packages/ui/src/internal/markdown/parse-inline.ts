import { safeLinkUrl } from "../safe-url.js";
import type { InlineNode } from "./ast.js";

/**
 * Inline markdown in one left-to-right pass, linear in the length of the text.
 *
 * The shape is CommonMark's (spec 0.31, "Phase 2: inline structure"): code spans, autolinks, escapes and
 * breaks are read as they come; `*`, `_` and `~~` runs and `[` go on a delimiter stack; a `]` followed
 * by `(target)` closes the nearest `[`; emphasis is matched by the spec's "process emphasis" procedure,
 * whose `openersBottom` bounds keep the search for openers from rescanning. Parsed nodes sit in a linked
 * list, so wrapping a range in emphasis or a link relinks two pointers instead of copying the range.
 * Bare URLs are linked last, in the text that is left (`linkBareUrls`), as GFM's autolink literals.
 * Known limits of this dialect: no reference links, no raw HTML (shown as text), no entities.
 */

/** ASCII punctuation: what a backslash may escape. */
const escapable = /[!-/:-@[-`{-~]/;
const unicodePunctuation = /[\p{P}\p{S}]/u;
const unicodeWhitespace = /\s/u;
const autolink = /<((?:https?:\/\/|mailto:)[^\s<>]+)>/iy;
/** GFM's autolink literal: `https://…`, `http://…` or `mailto:…` where no letter or digit precedes it. */
const bareUrl = /(?<![A-Za-z0-9])(?:https?:\/\/|mailto:)[^\s<>]+/gi;
/** Left off the end of a bare URL, as GFM does: sentence punctuation and emphasis markers. */
const urlTrailingPunctuation = /[.,;:!?'")\]*_~]+$/;
/** cmark's limit on nested parentheses in a link target; it also bounds a failing target's scan. */
const maxTargetParens = 32;

/** A parsed piece in the working list: text (delimiter runs and `[` are text until matched), a leaf, or a wrapper. */
interface Slot {
  prev: Slot | null;
  next: Slot | null;
  text: string;
  leaf: InlineNode | null;
  wrapper: Wrapper | null;
  /** A delimiter run or a `[`: kept apart from neighbouring text because a match may shorten or drop it. */
  standalone: boolean;
}

interface Wrapper {
  type: "strong" | "emphasis" | "delete" | "link";
  href: string | null;
  first: Slot | null;
}

interface Delimiter {
  slot: Slot;
  char: "*" | "_" | "~";
  /** Characters of the run not yet used by a match. */
  length: number;
  originalLength: number;
  canOpen: boolean;
  canClose: boolean;
  prev: Delimiter | null;
  next: Delimiter | null;
}

interface Bracket {
  slot: Slot;
  /** Top of the delimiter stack when the `[` was read: emphasis inside the label is processed above it. */
  delimiterBelow: Delimiter | null;
  active: boolean;
  /** Opened by `![`: an image, which the renderer shows as a link to it (images are never loaded). */
  image: boolean;
  prev: Bracket | null;
}

/** Parses inline markdown into nodes; an opener without its closer stays literal text. */
export function parseInline(source: string): InlineNode[] {
  return new InlineParser(source).parse();
}

class InlineParser {
  private readonly source: string;
  private head: Slot | null = null;
  private tail: Slot | null = null;
  private delimiters: Delimiter | null = null;
  private brackets: Bracket | null = null;
  private readonly backtickRuns: BacktickRuns;

  constructor(source: string) {
    this.source = source;
    this.backtickRuns = new BacktickRuns(source);
  }

  parse(): InlineNode[] {
    const source = this.source;
    let index = 0;
    while (index < source.length) {
      const next = nextSpecial(source, index);
      if (next > index) this.appendText(source.slice(index, next));
      if (next === source.length) break;
      index = this.readAt(next);
    }
    this.processEmphasis(null);
    return linkBareUrls(toNodes(this.head, false, 0));
  }

  /** Reads the construct starting at `index` and returns the index after it. */
  private readAt(index: number): number {
    const source = this.source;
    const char = source[index]!;
    const next = source[index + 1];
    switch (char) {
      case "\\":
        if (next === "\n") {
          this.appendLeaf({ type: "break" });
          return index + 2;
        }
        if (next !== undefined && escapable.test(next)) {
          this.appendText(next);
          return index + 2;
        }
        break;
      case "\n":
        this.trimTrailingSpaces();
        this.appendLeaf({ type: "break" });
        return index + 1;
      case "`":
        return this.readCodeSpan(index);
      case "*":
      case "_":
        return this.readDelimiterRun(index, char);
      case "~":
        if (next === "~" && source[index + 2] !== "~" && source[index - 1] !== "~") {
          return this.readDelimiterRun(index, char);
        }
        break;
      case "[":
        this.pushBracket("[");
        return index + 1;
      case "!":
        if (next === "[") {
          this.pushBracket("![");
          return index + 2;
        }
        break;
      case "]":
        return this.closeBracket(index);
      case "<":
        return this.readAutolink(index);
    }
    this.appendText(char);
    return index + 1;
  }

  private readCodeSpan(index: number): number {
    const source = this.source;
    let end = index;
    while (source[end] === "`") end += 1;
    const length = end - index;
    const close = this.backtickRuns.next(end, length);
    if (close === -1) {
      this.appendText(source.slice(index, end));
      return end;
    }
    let value = source.slice(end, close).replace(/\n/g, " ");
    if (value.length >= 2 && value.startsWith(" ") && value.endsWith(" ") && value.trim() !== "") {
      value = value.slice(1, -1);
    }
    this.appendLeaf({ type: "code", value });
    return close + length;
  }

  private readDelimiterRun(index: number, char: "*" | "_" | "~"): number {
    const source = this.source;
    let end = index;
    while (source[end] === char) end += 1;
    // The start and the end of the text count as whitespace.
    const before = index === 0 ? 10 : codePointBefore(source, index);
    const after = end >= source.length ? 10 : source.codePointAt(end)!;
    const afterSpace = isWhitespace(after);
    const beforeSpace = isWhitespace(before);
    const afterPunctuation = isPunctuation(after);
    const beforePunctuation = isPunctuation(before);
    const leftFlanking = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation);
    const rightFlanking = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation);
    // `_` may not open or close inside a word, so snake_case stays literal.
    const canOpen = char === "_" ? leftFlanking && (!rightFlanking || beforePunctuation) : leftFlanking;
    const canClose = char === "_" ? rightFlanking && (!leftFlanking || afterPunctuation) : rightFlanking;
    const slot = this.appendText(source.slice(index, end), true);
    if (canOpen || canClose) {
      const length = end - index;
      const delimiter: Delimiter = {
        slot,
        char,
        length,
        originalLength: length,
        canOpen,
        canClose,
        prev: this.delimiters,
        next: null,
      };
      if (this.delimiters) this.delimiters.next = delimiter;
      this.delimiters = delimiter;
    }
    return end;
  }

  /** `[` may start a link, `![` an image (shown as a link to the image, labelled by its alt text). */
  private pushBracket(text: "[" | "!["): void {
    const slot = this.appendText(text, true);
    const image = text === "![";
    this.brackets = { slot, delimiterBelow: this.delimiters, active: true, image, prev: this.brackets };
  }

  private closeBracket(index: number): number {
    const opener = this.brackets;
    if (opener === null) {
      this.appendText("]");
      return index + 1;
    }
    this.brackets = opener.prev;
    const target = opener.active ? readLinkTarget(this.source, index + 1) : null;
    if (target === null) {
      this.appendText("]");
      return index + 1;
    }
    this.processEmphasis(opener.delimiterBelow);
    const label = opener.slot.next;
    this.cutAfter(opener.slot.prev);
    this.appendSlot("", null, { type: "link", href: safeLinkUrl(target.url), first: label });
    if (label) label.prev = null;
    // No links inside links: every `[` before this one can no longer make a link (an image can hold one).
    if (!opener.image) {
      for (let bracket = this.brackets; bracket !== null; bracket = bracket.prev) {
        if (!bracket.image) bracket.active = false;
      }
    }
    return target.end;
  }

  private readAutolink(index: number): number {
    autolink.lastIndex = index;
    const match = autolink.exec(this.source);
    if (match === null) {
      this.appendText("<");
      return index + 1;
    }
    const url = match[1]!;
    this.appendSlot("", null, {
      type: "link",
      href: safeLinkUrl(url),
      first: newSlot(url, null, null),
    });
    return index + match[0].length;
  }

  /**
   * CommonMark's "process emphasis": matches closers with the nearest possible opener above
   * `bottom`, then drops every delimiter above `bottom` from the stack.
   */
  private processEmphasis(bottom: Delimiter | null): void {
    // Where the search for an opener may stop, per kind of closer (spec: "openers_bottom").
    const openersBottom = new Map<string, Delimiter | null>();
    let closer = bottom === null ? this.firstDelimiter() : bottom.next;
    while (closer !== null) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const kind = `${closer.char}${closer.canOpen ? "o" : ""}${closer.originalLength % 3}`;
      const stop = openersBottom.has(kind) ? openersBottom.get(kind)! : bottom;
      let opener = closer.prev;
      while (opener !== null && opener !== bottom && opener !== stop && !matches(opener, closer)) {
        opener = opener.prev;
      }
      if (opener === null || opener === bottom || opener === stop) {
        openersBottom.set(kind, closer.prev);
        const next = closer.next;
        if (!closer.canOpen) this.removeDelimiter(closer);
        closer = next;
        continue;
      }
      const used = closer.char === "~" ? 2 : Math.min(2, opener.length, closer.length);
      const type = wrapperType(closer.char, used);
      opener.length -= used;
      closer.length -= used;
      opener.slot.text = opener.slot.text.slice(used);
      closer.slot.text = closer.slot.text.slice(used);
      this.wrapBetween(opener.slot, closer.slot, type);
      // Delimiters between the pair are inside the new node now: they can match nothing outside it.
      opener.next = closer;
      closer.prev = opener;
      if (opener.length === 0) {
        this.removeSlot(opener.slot);
        this.removeDelimiter(opener);
      }
      if (closer.length === 0) {
        this.removeSlot(closer.slot);
        const next = closer.next;
        this.removeDelimiter(closer);
        closer = next;
      }
    }
    while (this.delimiters !== null && this.delimiters !== bottom) this.removeDelimiter(this.delimiters);
  }

  private firstDelimiter(): Delimiter | null {
    let delimiter = this.delimiters;
    while (delimiter?.prev) delimiter = delimiter.prev;
    return delimiter;
  }

  private removeDelimiter(delimiter: Delimiter): void {
    if (delimiter.prev) delimiter.prev.next = delimiter.next;
    if (delimiter.next) delimiter.next.prev = delimiter.prev;
    else this.delimiters = delimiter.prev;
  }

  /** Moves the slots strictly between `opener` and `closer` into a new wrapper slot placed between them. */
  private wrapBetween(opener: Slot, closer: Slot, type: Wrapper["type"]): void {
    const first = opener.next === closer ? null : opener.next;
    const last = closer.prev === opener ? null : closer.prev;
    const wrapper = newSlot("", null, { type, href: null, first });
    if (first) first.prev = null;
    if (last) last.next = null;
    wrapper.prev = opener;
    wrapper.next = closer;
    opener.next = wrapper;
    closer.prev = wrapper;
  }

  private removeSlot(slot: Slot): void {
    if (slot.prev) slot.prev.next = slot.next;
    else this.head = slot.next;
    if (slot.next) slot.next.prev = slot.prev;
    else this.tail = slot.prev;
  }

  /** Detaches everything after `slot` (everything when `slot` is null); the detached part stays linked. */
  private cutAfter(slot: Slot | null): void {
    if (slot === null) {
      this.head = null;
      this.tail = null;
      return;
    }
    slot.next = null;
    this.tail = slot;
  }

  private appendText(text: string, standalone = false): Slot {
    const tail = this.tail;
    // Plain text joins the text before it; delimiter runs and `[` keep their own slot.
    if (!standalone && tail !== null && tail.leaf === null && tail.wrapper === null && !tail.standalone) {
      tail.text += text;
      return tail;
    }
    const slot = this.appendSlot(text, null, null);
    slot.standalone = standalone;
    return slot;
  }

  private appendLeaf(leaf: InlineNode): void {
    this.appendSlot("", leaf, null);
  }

  private appendSlot(text: string, leaf: InlineNode | null, wrapper: Wrapper | null): Slot {
    const slot = newSlot(text, leaf, wrapper);
    slot.prev = this.tail;
    if (this.tail) this.tail.next = slot;
    else this.head = slot;
    this.tail = slot;
    return slot;
  }

  /** Drops the spaces before a line break (they would only render as trailing whitespace). */
  private trimTrailingSpaces(): void {
    const tail = this.tail;
    if (tail === null || tail.leaf !== null || tail.wrapper !== null || tail.standalone) return;
    let end = tail.text.length;
    while (end > 0 && tail.text[end - 1] === " ") end -= 1;
    tail.text = tail.text.slice(0, end);
  }
}

function newSlot(text: string, leaf: InlineNode | null, wrapper: Wrapper | null): Slot {
  return { prev: null, next: null, text, leaf, wrapper, standalone: false };
}

/** `~~` makes a deletion; two `*`/`_` make strong emphasis, one makes emphasis. */
function wrapperType(char: Delimiter["char"], used: number): Wrapper["type"] {
  if (char === "~") return "delete";
  return used === 2 ? "strong" : "emphasis";
}

/** Whether `opener` can close with `closer`, including the spec's "multiple of 3" rule. */
function matches(opener: Delimiter, closer: Delimiter): boolean {
  if (opener.char !== closer.char || !opener.canOpen) return false;
  if (opener.char === "~") return true;
  const eitherBothWays = opener.canClose || closer.canOpen;
  const sum = opener.originalLength + closer.originalLength;
  if (
    eitherBothWays &&
    sum % 3 === 0 &&
    !(opener.originalLength % 3 === 0 && closer.originalLength % 3 === 0)
  ) {
    return false;
  }
  return true;
}

/** By character code: whether the character may start a construct. */
const specialCodes = new Uint8Array(128);
for (const char of "\\\n`*_~[]<!") specialCodes[char.charCodeAt(0)] = 1;

/** Index of the next character that may start a construct, or the source's length. */
function nextSpecial(source: string, from: number): number {
  for (let index = from; index < source.length; index += 1) {
    const code = source.charCodeAt(index);
    if (code < 128 && specialCodes[code] === 1) return index;
  }
  return source.length;
}

/** Unicode whitespace, by character code (ASCII without a regular expression). */
function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return unicodeWhitespace.test(String.fromCodePoint(code));
}

/** Unicode punctuation or symbol, as CommonMark 0.31 counts them for flanking. */
function isPunctuation(code: number): boolean {
  if (code < 128) {
    return (
      (code >= 33 && code <= 47) ||
      (code >= 58 && code <= 64) ||
      (code >= 91 && code <= 96) ||
      (code >= 123 && code <= 126)
    );
  }
  return unicodePunctuation.test(String.fromCodePoint(code));
}

/** The code point that ends just before `index` (a whole emoji, not its second half). */
function codePointBefore(source: string, index: number): number {
  const low = source.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = source.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return source.codePointAt(index - 2)!;
  }
  return low;
}

/** Emphasis and links nest at most this deep; deeper ones keep their text without the wrapper. */
const maxDepth = 32;

/** Converts the linked list into nodes, joining neighbouring texts; links inside a link lose their link. */
function toNodes(first: Slot | null, insideLink: boolean, depth: number): InlineNode[] {
  const nodes: InlineNode[] = [];
  const push = (node: InlineNode) => {
    const last = nodes[nodes.length - 1];
    if (node.type === "text" && last?.type === "text") last.value += node.value;
    else if (node.type !== "text" || node.value !== "") nodes.push(node);
  };
  for (let slot = first; slot !== null; slot = slot.next) {
    const wrapper = slot.wrapper;
    if (slot.leaf) push(slot.leaf);
    else if (wrapper === null) push({ type: "text", value: slot.text });
    else if (depth >= maxDepth || (insideLink && wrapper.type === "link")) {
      for (const node of flatten(wrapper.first)) push(node);
    } else if (wrapper.type === "link") {
      push({ type: "link", href: wrapper.href, children: toNodes(wrapper.first, true, depth + 1) });
    } else {
      push({ type: wrapper.type, children: toNodes(wrapper.first, insideLink, depth + 1) });
    }
  }
  return nodes;
}

/**
 * Turns bare URLs in text into links, after the rest is parsed (as GFM's autolink literals): so a URL
 * never swallows the syntax around it, and the text of a link is never linked again.
 */
function linkBareUrls(nodes: InlineNode[]): InlineNode[] {
  return nodes.flatMap((node): InlineNode[] => {
    if (node.type === "text") return splitBareUrls(node.value);
    if (node.type === "emphasis" || node.type === "strong" || node.type === "delete") {
      return [{ type: node.type, children: linkBareUrls(node.children) }];
    }
    return [node];
  });
}

function splitBareUrls(text: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let position = 0;
  for (const match of text.matchAll(bareUrl)) {
    const url = match[0].replace(urlTrailingPunctuation, "");
    const href = safeLinkUrl(url);
    if (href === null) continue;
    if (match.index > position) nodes.push({ type: "text", value: text.slice(position, match.index) });
    nodes.push({ type: "link", href, children: [{ type: "text", value: url }] });
    position = match.index + url.length;
  }
  if (position === 0) return [{ type: "text", value: text }];
  if (position < text.length) nodes.push({ type: "text", value: text.slice(position) });
  return nodes;
}

/** The text and leaves under `first` in order, without their wrappers; iterative, so any depth is safe. */
function flatten(first: Slot | null): InlineNode[] {
  const nodes: InlineNode[] = [];
  const pending: Array<Slot | null> = [first];
  while (pending.length > 0) {
    const slot = pending.pop();
    if (!slot) continue;
    pending.push(slot.next);
    if (slot.leaf) nodes.push(slot.leaf);
    else if (slot.wrapper) pending.push(slot.wrapper.first);
    else nodes.push({ type: "text", value: slot.text });
  }
  return nodes;
}

/**
 * Finds closing backtick runs without rescanning: every maximal run's start, by run length, read once;
 * a cursor per length only moves forward because code spans are looked for left to right.
 */
class BacktickRuns {
  private readonly starts = new Map<number, number[]>();
  private readonly cursors = new Map<number, number>();

  constructor(source: string) {
    let index = source.indexOf("`");
    while (index !== -1) {
      let end = index;
      while (source[end] === "`") end += 1;
      const length = end - index;
      const list = this.starts.get(length);
      if (list) list.push(index);
      else this.starts.set(length, [index]);
      index = source.indexOf("`", end);
    }
  }

  /** Start of the first run of exactly `length` backticks at or after `from`, or -1. */
  next(from: number, length: number): number {
    const list = this.starts.get(length);
    if (list === undefined) return -1;
    let cursor = this.cursors.get(length) ?? 0;
    while (cursor < list.length && list[cursor]! < from) cursor += 1;
    this.cursors.set(length, cursor);
    return list[cursor] ?? -1;
  }
}

/**
 * Reads `(target "title")` at `start`, as CommonMark's inline link: a target in `<…>` or without spaces
 * (balanced parentheses, at most 32 deep), an optional title in quotes or parentheses (dropped), then `)`.
 */
function readLinkTarget(source: string, start: number): { url: string; end: number } | null {
  if (source[start] !== "(") return null;
  let index = skipSpace(source, start + 1);
  let url: string;
  if (source[index] === "<") {
    const close = index + 1;
    let end = close;
    while (end < source.length && source[end] !== ">" && source[end] !== "\n" && source[end] !== "<") {
      end += source[end] === "\\" ? 2 : 1;
    }
    if (source[end] !== ">") return null;
    url = source.slice(close, end);
    index = end + 1;
  } else {
    const begin = index;
    let depth = 0;
    for (; index < source.length; index += 1) {
      const char = source[index]!;
      if (char === "\\") {
        index += 1;
        continue;
      }
      if (char === " " || char.charCodeAt(0) < 0x20) break;
      if (char === "(") {
        depth += 1;
        if (depth > maxTargetParens) return null;
      }
      if (char === ")") {
        if (depth === 0) break;
        depth -= 1;
      }
    }
    if (depth !== 0) return null;
    url = source.slice(begin, index);
  }
  const afterUrl = index;
  index = skipSpace(source, index);
  const opening = source[index];
  if (index > afterUrl && (opening === '"' || opening === "'" || opening === "(")) {
    const closing = opening === "(" ? ")" : opening;
    let end = index + 1;
    while (end < source.length && source[end] !== closing) {
      if (opening === "(" && source[end] === "(") return null;
      end += source[end] === "\\" ? 2 : 1;
    }
    if (end >= source.length) return null;
    index = skipSpace(source, end + 1);
  }
  if (source[index] !== ")") return null;
  return { url: url.replace(/\\([!-/:-@[-`{-~])/g, "$1"), end: index + 1 };
}

/** Skips spaces and tabs and at most one line ending. */
function skipSpace(source: string, from: number): number {
  let index = from;
  let newlines = 0;
  while (index < source.length) {
    const char = source[index];
    if (char === "\n") {
      newlines += 1;
      if (newlines > 1) break;
    } else if (char !== " " && char !== "\t") break;
    index += 1;
  }
  return index;
}
