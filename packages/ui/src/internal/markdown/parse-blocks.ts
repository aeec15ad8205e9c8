import type { BlockNode } from "./ast.js";
import { parseInline } from "./parse-inline.js";

const fenceOpen = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$/;
const rule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const quote = /^ {0,3}> ?/;
const listItem = /^( *)([-*+]|\d{1,9}[.)])[ \t]+/;
const tableDivider = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;

/** Parses one chunk of markdown into block nodes. Unclosed fences end at the end of input. */
export function parseBlocks(source: string): BlockNode[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: BlockNode[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === "") {
      index += 1;
      continue;
    }
    const fence = fenceOpen.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      let closed = false;
      index += 1;
      while (index < lines.length) {
        const current = lines[index]!;
        if (current.trim().startsWith(marker) && current.trim().replace(/[`~]/g, "") === "") {
          closed = true;
          index += 1;
          break;
        }
        body.push(current);
        index += 1;
      }
      blocks.push({ type: "code", language: fence[2] ?? "", value: body.join("\n"), closed });
      continue;
    }
    const headingMatch = heading.exec(line);
    if (headingMatch) {
      const level = headingMatch[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: "heading", level, children: parseInline(headingMatch[2] ?? "") });
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
      blocks.push({ type: "blockquote", children: parseBlocks(body.join("\n")) });
      continue;
    }
    const item = listItem.exec(line);
    if (item) {
      const consumed = parseList(lines, index);
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
    while (index < lines.length) {
      const current = lines[index]!;
      if (current.trim() === "") break;
      if (paragraph.length > 0 && startsBlock(current)) break;
      paragraph.push(current.replace(/^ +/, ""));
      index += 1;
    }
    blocks.push({ type: "paragraph", children: parseInline(paragraph.join("\n")) });
  }
  return blocks;
}

function startsBlock(line: string): boolean {
  return (
    fenceOpen.test(line) || heading.test(line) || quote.test(line) || listItem.test(line) || rule.test(line)
  );
}

function parseList(lines: string[], start: number): { node: BlockNode; next: number } {
  const first = listItem.exec(lines[start]!)!;
  const baseIndent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const items: string[][] = [];
  let index = start;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === "") break;
    const match = listItem.exec(line);
    if (match && match[1]!.length <= baseIndent && /\d/.test(match[2]!) === ordered) {
      items.push([line.slice(match[0].length)]);
      index += 1;
      continue;
    }
    if (match && match[1]!.length <= baseIndent) break;
    if (items.length === 0 || (!match && !/^\s/.test(line) && startsBlock(line))) break;
    // Continuation or nested list: strip up to the item's content indent.
    items[items.length - 1]!.push(line.replace(new RegExp(`^ {0,${baseIndent + 4}}`), ""));
    index += 1;
  }
  return {
    node: {
      type: "list",
      ordered,
      start: ordered ? Number.parseInt(first[2]!, 10) : 1,
      items: items.map((item) => parseBlocks(item.join("\n"))),
    },
    next: index,
  };
}

function splitRow(line: string): string[] {
  let trimmed = line.trim();
  if (trimmed.startsWith("|")) trimmed = trimmed.slice(1);
  if (trimmed.endsWith("|") && !trimmed.endsWith("\\|")) trimmed = trimmed.slice(0, -1);
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

function parseTable(lines: string[], start: number): { node: BlockNode; next: number } {
  const header = splitRow(lines[start]!);
  const align = splitRow(lines[start + 1]!).map((cell) => {
    const left = cell.startsWith(":");
    const right = cell.endsWith(":");
    return left && right ? "center" : right ? "right" : left ? "left" : null;
  });
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
