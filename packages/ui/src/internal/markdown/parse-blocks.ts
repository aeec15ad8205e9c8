import type { BlockNode } from "./ast.js";
import { closesFence, openingFence } from "./fence.js";
import { parseInline } from "./parse-inline.js";

const headingOpen = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/;
const rule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const quote = /^ {0,3}> ?/;
/** A list item's first line: indentation, marker, and the spaces after it. */
export const listItem = /^( *)([-*+]|\d{1,9}[.)])[ \t]+/;
const tableDivider = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;

/** Block quotes and lists nest at most this deep; a deeper one's text becomes a paragraph. */
const maxDepth = 32;

/** Parses one chunk of markdown into block nodes. Unclosed fences end at the end of input. */
export function parseBlocks(source: string, depth = 0): BlockNode[] {
  if (depth > maxDepth) return [{ type: "paragraph", children: parseInline(source.trim()) }];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: BlockNode[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === "") {
      index += 1;
      continue;
    }
    const fence = openingFence(line);
    if (fence) {
      // Content lines lose as many leading spaces as the opening fence had (CommonMark).
      const fenceIndent = line.length - line.trimStart().length;
      const body: string[] = [];
      let closed = false;
      index += 1;
      while (index < lines.length) {
        const current = lines[index]!;
        if (closesFence(current, fence.marker)) {
          closed = true;
          index += 1;
          break;
        }
        body.push(withoutIndent(current, fenceIndent));
        index += 1;
      }
      blocks.push({ type: "code", language: fence.language, value: body.join("\n"), closed });
      continue;
    }
    const headingMatch = headingOpen.exec(line);
    if (headingMatch) {
      const level = headingMatch[1]!.length as HeadingLevel;
      blocks.push({
        type: "heading",
        level,
        children: parseInline(headingText(line, headingMatch[0].length)),
      });
      index += 1;
      continue;
    }
    if (rule.test(line)) {
      blocks.push({ type: "rule" });
      index += 1;
      continue;
    }
    if (quote.test(line)) {
      const body: string[] = [];
      while (index < lines.length && quote.test(lines[index]!)) {
        body.push(lines[index]!.replace(quote, ""));
        index += 1;
      }
      blocks.push({ type: "blockquote", children: parseBlocks(body.join("\n"), depth + 1) });
      continue;
    }
    const item = listItem.exec(line);
    if (item) {
      const consumed = parseList(lines, index, depth);
      blocks.push(consumed.node);
      index = consumed.next;
      continue;
    }
    const divider = lines[index + 1];
    if (line.includes("|") && divider !== undefined && tableDivider.test(divider) && divider.includes("-")) {
      const consumed = parseTable(lines, index);
      blocks.push(consumed.node);
      index = consumed.next;
      continue;
    }
    const paragraph: string[] = [];
    let underline: string | null = null;
    while (index < lines.length) {
      const current = lines[index]!;
      if (current.trim() === "") break;
      if (paragraph.length > 0 && setextUnderline.test(current)) {
        underline = current.trim();
        index += 1;
        break;
      }
      if (paragraph.length > 0 && startsBlock(current)) break;
      paragraph.push(current.replace(/^[ \t]+/, ""));
      index += 1;
    }
    const children = parseInline(paragraph.join("\n").trimEnd());
    if (underline === null) blocks.push({ type: "paragraph", children });
    else blocks.push({ type: "heading", level: underline.startsWith("=") ? 1 : 2, children });
  }
  return blocks;
}

type HeadingLevel = Extract<BlockNode, { type: "heading" }>["level"];

/** The text of an ATX heading after its `#`s: trimmed, without a closing run of `#` set off by a space. */
function headingText(line: string, contentStart: number): string {
  let end = line.length;
  while (end > contentStart && (line[end - 1] === " " || line[end - 1] === "\t")) end -= 1;
  let hashes = end;
  while (hashes > contentStart && line[hashes - 1] === "#") hashes -= 1;
  if (hashes < end && (hashes === contentStart || line[hashes - 1] === " " || line[hashes - 1] === "\t")) {
    end = hashes;
  }
  return line.slice(contentStart, end).trim();
}

/** Whether a line starts a block that ends the paragraph before it (CommonMark's "interrupt" rules). */
function startsBlock(line: string): boolean {
  if (openingFence(line) || headingOpen.test(line) || quote.test(line) || rule.test(line)) return true;
  const item = listItem.exec(line);
  // Only a list item with content, and an ordered one only when it starts at 1, interrupts a paragraph.
  if (item === null || line.slice(item[0].length).trim() === "") return false;
  return !/\d/.test(item[2]!) || Number.parseInt(item[2]!, 10) === 1;
}

/** A list item's marker kind: a list goes on while its items use the same bullet or the same `.`/`)`. */
function markerKind(marker: string): string {
  return /\d/.test(marker) ? marker[marker.length - 1]! : marker;
}

function parseList(lines: string[], start: number, depth: number): { node: BlockNode; next: number } {
  const first = listItem.exec(lines[start]!)!;
  const kind = markerKind(first[2]!);
  const ordered = /\d/.test(first[2]!);
  const items: string[][] = [];
  // Lines indented to the item's content column belong to the item (nested lists, continuations).
  let contentColumn = 0;
  let index = start;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === "") {
      // A blank line ends the list unless an indented line or another item follows (a loose list).
      let next = index + 1;
      while (next < lines.length && lines[next]!.trim() === "") next += 1;
      const following = lines[next];
      if (following === undefined || !continuesList(following, kind, contentColumn)) break;
      for (; index < next; index += 1) items[items.length - 1]!.push("");
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const match = listItem.exec(line);
    if (items.length > 0 && indent >= contentColumn) {
      items[items.length - 1]!.push(line.slice(contentColumn));
      index += 1;
      continue;
    }
    if (rule.test(line)) break;
    if (match && match[1]!.length <= 3 && markerKind(match[2]!) === kind) {
      items.push([line.slice(match[0].length)]);
      contentColumn = match[0].length;
      index += 1;
      continue;
    }
    // A lazy continuation line of the item's paragraph, unless it starts a block of its own.
    if (match || startsBlock(line)) break;
    items[items.length - 1]!.push(line.trimStart());
    index += 1;
  }
  return {
    node: {
      type: "list",
      ordered,
      start: ordered ? Number.parseInt(first[2]!, 10) : 1,
      items: items.map((item) => parseBlocks(item.join("\n"), depth + 1)),
    },
    next: index,
  };
}

/** Whether the first line after a blank line still belongs to a list: its items' content or its next item. */
function continuesList(line: string, kind: string, contentColumn: number): boolean {
  const indent = line.length - line.trimStart().length;
  if (indent >= contentColumn) return true;
  const item = listItem.exec(line);
  return item !== null && item[1]!.length <= 3 && markerKind(item[2]!) === kind && !rule.test(line);
}

/** `line` without up to `count` leading spaces. */
function withoutIndent(line: string, count: number): string {
  let start = 0;
  while (start < count && line[start] === " ") start += 1;
  return line.slice(start);
}

function splitRow(line: string): string[] {
  let trimmed = line.trim();
  if (trimmed.startsWith("|")) trimmed = trimmed.slice(1);
  if (trimmed.endsWith("|") && !trimmed.endsWith("\\|")) trimmed = trimmed.slice(0, -1);
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

/** A table divider cell's alignment: `:--` left, `--:` right, `:-:` center, `---` none. */
function columnAlign(cell: string): "left" | "center" | "right" | null {
  const left = cell.startsWith(":");
  const right = cell.endsWith(":");
  if (left && right) return "center";
  if (right) return "right";
  if (left) return "left";
  return null;
}

function parseTable(lines: string[], start: number): { node: BlockNode; next: number } {
  const header = splitRow(lines[start]!);
  const align = splitRow(lines[start + 1]!).map(columnAlign);
  const rows: string[][] = [];
  let index = start + 2;
  while (index < lines.length && lines[index]!.includes("|") && lines[index]!.trim() !== "") {
    rows.push(splitRow(lines[index]!));
    index += 1;
  }
  return {
    node: {
      type: "table",
      align: header.map((_, column) => align[column] ?? null),
      header: header.map((cell) => parseInline(cell)),
      rows: rows.map((row) => header.map((_, column) => parseInline(row[column] ?? ""))),
    },
    next: index,
  };
}
