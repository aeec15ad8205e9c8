import fc from "fast-check";
import { micromark } from "micromark";
import { describe, expect, it } from "vitest";
import { type BlockNode, parseMarkdown } from "./parse-markdown.js";

/**
 * Block structure, compared with micromark (a CommonMark reference parser) on generated documents.
 *
 * "Block structure" here is the tree of blocks our renderer draws, without their inline content:
 * - a paragraph (its text is not compared: inline parsing is tested on its own);
 * - a heading and its level (ATX `#` or setext `===`/`---`);
 * - a fenced code block: its language and its exact text;
 * - a thematic break;
 * - a block quote and the blocks inside it;
 * - a list: ordered or not, its start number, and for each item the blocks inside it (a tight item's
 *   text counts as a paragraph, as our parser makes it).
 *
 * Generated documents stay inside what the renderer supports: blocks are separated by blank lines
 * (or a single line break after a heading, a fence or a break); lists are tight or loose, their items
 * may hold a nested list and a second paragraph, and neighbouring lists of the same marker join into
 * one loose list as CommonMark says. Not generated: tables (GFM, not in micromark's core), raw HTML,
 * indented code, reference definitions, lazy continuation lines.
 */
type Shape =
  | { kind: "paragraph" }
  | { kind: "heading"; level: number }
  | { kind: "code"; language: string; text: string }
  | { kind: "rule" }
  | { kind: "blockquote"; children: Shape[] }
  | { kind: "list"; ordered: boolean; start: number; items: Shape[][] };

function shapeOfOurs(blocks: BlockNode[]): Shape[] {
  return blocks.map((block): Shape => {
    switch (block.type) {
      case "paragraph":
        return { kind: "paragraph" };
      case "heading":
        return { kind: "heading", level: block.level };
      case "code":
        return { kind: "code", language: block.language, text: block.value };
      case "rule":
        return { kind: "rule" };
      case "blockquote":
        return { kind: "blockquote", children: shapeOfOurs(block.children) };
      case "list":
        return {
          kind: "list",
          ordered: block.ordered,
          start: block.start,
          items: block.items.map(shapeOfOurs),
        };
      default:
        throw new Error(`not generated: ${block.type}`);
    }
  });
}

const blockTag = /<(\/?)(p|h[1-6]|pre|ul|ol|li|blockquote|hr)\b([^>]*)>/;

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** The block structure of micromark's HTML: block tags only; loose text in a list item is a paragraph. */
function shapeOfReference(html: string): Shape[] {
  interface Frame {
    tag: string;
    children: Shape[];
    items: Shape[][];
    start: number;
    /** Text seen directly in a list item since its last block: a tight item's paragraph. */
    looseText: boolean;
  }
  const root: Frame = { tag: "root", children: [], items: [], start: 1, looseText: false };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;
  const flushLooseText = (frame: Frame) => {
    if (frame.looseText) frame.children.push({ kind: "paragraph" });
    frame.looseText = false;
  };
  let inLeaf = false;
  let position = 0;
  const tags = new RegExp(blockTag.source, "g");
  for (let match = tags.exec(html); match !== null; match = tags.exec(html)) {
    const between = html.slice(position, match.index);
    if (!inLeaf && between.trim() !== "" && top().tag === "li") top().looseText = true;
    position = match.index + match[0].length;
    const [, closing, tag, attributes] = match as unknown as [string, string, string, string];
    if (tag === "pre") {
      const end = html.indexOf("</pre>", position);
      const inner = html.slice(position, end);
      const code = /^<code(?: class="language-([^"]*)")?>([\s\S]*)<\/code>$/.exec(inner);
      if (code === null) throw new Error(`unexpected <pre>: ${inner}`);
      flushLooseText(top());
      const text = unescapeHtml(code[2]!).replace(/\n$/, "");
      top().children.push({ kind: "code", language: unescapeHtml(code[1] ?? ""), text });
      position = end + "</pre>".length;
      tags.lastIndex = position;
      continue;
    }
    if (tag === "hr") {
      flushLooseText(top());
      top().children.push({ kind: "rule" });
      continue;
    }
    if (tag === "p" || tag.startsWith("h")) {
      inLeaf = closing === "";
      if (closing === "") {
        flushLooseText(top());
        top().children.push(tag === "p" ? { kind: "paragraph" } : { kind: "heading", level: Number(tag[1]) });
      }
      continue;
    }
    if (closing === "") {
      flushLooseText(top());
      const start = Number(/start="(\d+)"/.exec(attributes)?.[1] ?? 1);
      stack.push({ tag, children: [], items: [], start, looseText: false });
      continue;
    }
    const frame = stack.pop()!;
    flushLooseText(frame);
    const parent = top();
    if (tag === "li") parent.items.push(frame.children);
    else if (tag === "blockquote") parent.children.push({ kind: "blockquote", children: frame.children });
    else
      parent.children.push({ kind: "list", ordered: tag === "ol", start: frame.start, items: frame.items });
  }
  return root.children;
}

// Documents made of the blocks the renderer supports.
const word = fc.constantFrom(
  "alpha",
  "beta",
  "*em*",
  "**strong**",
  "`code`",
  "snake_case",
  "2*3",
  "[l](https://x.y)",
);
const firstWord = fc.constantFrom("Alpha", "Beta", "Gamma", "delta");
const line = fc
  .tuple(firstWord, fc.array(word, { maxLength: 5 }))
  .map(([first, rest]) => [first, ...rest].join(" "));

type Kind = "paragraph" | "heading" | "setext" | "code" | "rule" | "list" | "blockquote";
interface Generated {
  kind: Kind;
  text: string;
}

const paragraph = fc
  .array(line, { minLength: 1, maxLength: 3 })
  .map((lines): Generated => ({ kind: "paragraph", text: lines.join("\n") }));
const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), line, fc.boolean())
  .map(([level, text, closed]): Generated => {
    const hashes = "#".repeat(level);
    return { kind: "heading", text: `${hashes} ${text}${closed ? ` ${hashes}` : ""}` };
  });
const setext = fc
  .tuple(
    fc.array(line, { minLength: 1, maxLength: 2 }),
    fc.constantFrom("=", "-"),
    fc.integer({ min: 1, max: 5 }),
  )
  .map(
    ([lines, char, count]): Generated => ({
      kind: "setext",
      text: `${lines.join("\n")}\n${char.repeat(count)}`,
    }),
  );
const codeLine = fc.constantFrom(
  "",
  "x = 1",
  "# not a heading",
  "- not a list",
  "> not a quote",
  "  indented",
  "*a*",
);
const code = fc
  .tuple(
    fc.constantFrom("```", "~~~", "````"),
    fc.constantFrom("", "js", "py", "sh"),
    fc.array(codeLine, { maxLength: 4 }),
  )
  .map(
    ([fence, language, lines]): Generated => ({
      kind: "code",
      text: [`${fence}${language}`, ...lines, fence].join("\n"),
    }),
  );
const rule = fc
  .constantFrom("***", "---", "___", "* * *", "- - -", "_____")
  .map((text): Generated => ({ kind: "rule", text }));

const bullet = fc.constantFrom("-", "*", "+");
const orderedMarker = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom(".", ")"));

/**
 * A list, nested up to `depth` levels: each nested list and continuation paragraph indented to its
 * item's content column; loose (items apart by a blank line) or tight.
 */
function list(depth: number, nested = false): fc.Arbitrary<Generated> {
  // A nested ordered list starts at 1: one starting elsewhere cannot interrupt the item's paragraph,
  // and what is indented under it would then be indented code, which the renderer does not have.
  const ordered = nested ? orderedMarker.map(([, delimiter]) => [1, delimiter] as const) : orderedMarker;
  const marker = fc.oneof(
    bullet.map((char) => ({ next: (_index: number) => char })),
    ordered.map(([start, delimiter]) => ({
      next: (index: number) => `${start + index}${delimiter}`,
    })),
  );
  const sublist = depth > 0 ? fc.option(list(depth - 1, true), { nil: undefined }) : fc.constant(undefined);
  const continuation = fc.option(line, { nil: undefined, freq: 4 });
  const item = fc.tuple(line, sublist, continuation);
  return fc
    .tuple(marker, fc.array(item, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([{ next }, items, loose]): Generated => {
      const lines: string[] = [];
      items.forEach(([text, sublist, more], index) => {
        const prefix = `${next(index)} `;
        const indent = " ".repeat(prefix.length);
        if (index > 0 && loose) lines.push("");
        lines.push(prefix + text);
        if (sublist)
          for (const subline of sublist.text.split("\n")) lines.push(subline === "" ? "" : indent + subline);
        if (more !== undefined) lines.push("", indent + more);
      });
      return { kind: "list", text: lines.join("\n") };
    });
}

function join(blocks: Generated[]): string {
  return blocks
    .map((block, index) => {
      const previous = blocks[index - 1];
      if (previous === undefined) return block.text;
      // A heading, a fence or a break also ends at a single line break.
      const tight = previous.kind === "heading" || previous.kind === "code" || previous.kind === "rule";
      return `${tight && index % 2 === 0 ? "\n" : "\n\n"}${block.text}`;
    })
    .join("");
}

const leaf = fc.oneof(paragraph, heading, setext, code, rule, list(2));
const blockquote = fc.array(leaf, { minLength: 1, maxLength: 3 }).map(
  (inner): Generated => ({
    kind: "blockquote",
    text: join(inner)
      .split("\n")
      .map((text) => (text === "" ? ">" : `> ${text}`))
      .join("\n"),
  }),
);
const documents = fc.array(fc.oneof(leaf, blockquote), { minLength: 1, maxLength: 8 }).map(join);

describe("parseMarkdown block structure", () => {
  it("matches micromark (CommonMark) on generated documents", () => {
    fc.assert(
      fc.property(documents, (document) => {
        expect(shapeOfOurs(parseMarkdown(document))).toEqual(shapeOfReference(micromark(document)));
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("reads the reference's structure as intended (the comparison itself is checked)", () => {
    const document = "# Title\n\n- a\n  1. b\n- c\n\n> quoted\n\n```js\nx < 1\n```\n\n***";
    expect(shapeOfReference(micromark(document))).toEqual([
      { kind: "heading", level: 1 },
      {
        kind: "list",
        ordered: false,
        start: 1,
        items: [
          [
            { kind: "paragraph" },
            { kind: "list", ordered: true, start: 1, items: [[{ kind: "paragraph" }]] },
          ],
          [{ kind: "paragraph" }],
        ],
      },
      { kind: "blockquote", children: [{ kind: "paragraph" }] },
      { kind: "code", language: "js", text: "x < 1" },
      { kind: "rule" },
    ]);
    expect(shapeOfOurs(parseMarkdown(document))).toEqual(shapeOfReference(micromark(document)));
  });

  it("catches a structural difference (a setext underline our old parser read as a break)", () => {
    const document = "Title\n---";
    expect(shapeOfReference(micromark(document))).toEqual([{ kind: "heading", level: 2 }]);
    expect(shapeOfOurs(parseMarkdown(document))).toEqual([{ kind: "heading", level: 2 }]);
  });
});
