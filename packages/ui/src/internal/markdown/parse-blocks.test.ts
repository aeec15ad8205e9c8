import { describe, expect, it } from "vitest";
import type { BlockNode } from "./ast.js";
import { parseBlocks } from "./parse-blocks.js";

/** Block kinds only, nested, for short expectations: "h2", "p", "ul[p,p]", "ol3[p]", "quote[p]", "code:js", "hr". */
function outline(blocks: BlockNode[]): string[] {
  return blocks.map((block) => {
    switch (block.type) {
      case "paragraph":
        return "p";
      case "heading":
        return `h${block.level}`;
      case "code":
        return `code:${block.language}${block.closed ? "" : "(open)"}`;
      case "rule":
        return "hr";
      case "blockquote":
        return `quote[${outline(block.children).join(",")}]`;
      case "table":
        return "table";
      default:
        return `${block.ordered ? `ol${block.start}` : "ul"}[${block.items.map((item) => outline(item).join("+")).join(",")}]`;
    }
  });
}

describe("parseBlocks", () => {
  it("reads setext headings, and a --- after a blank line as a break", () => {
    expect(outline(parseBlocks("Title\n===\nSub\n---\n\n---"))).toEqual(["h1", "h2", "hr"]);
  });

  it("reads ATX headings with closing hashes and without a space as text", () => {
    const [heading] = parseBlocks("## Title ##");
    expect(heading).toEqual({ type: "heading", level: 2, children: [{ type: "text", value: "Title" }] });
    expect(outline(parseBlocks("#hashtag"))).toEqual(["p"]);
    expect(outline(parseBlocks("####### seven"))).toEqual(["p"]);
  });

  it("starts a new list when the bullet or the ordered delimiter changes", () => {
    expect(outline(parseBlocks("- a\n- b\n* c\n1. d\n2) e"))).toEqual([
      "ul[p,p]",
      "ul[p]",
      "ol1[p]",
      "ol2[p]",
    ]);
  });

  it("nests by the item's content column", () => {
    expect(outline(parseBlocks("1. a\n   - b\n2. c"))).toEqual(["ol1[p+ul[p],p]"]);
    expect(outline(parseBlocks("- a\n  - b\n    - c"))).toEqual(["ul[p+ul[p+ul[p]]]"]);
  });

  it("keeps a loose list one list, with the paragraphs and code indented under its items", () => {
    const blocks = parseBlocks("1. one\n\n2. two\n\n   more\n\n   ```sh\n   npm i\n   ```\n\nafter");
    expect(outline(blocks)).toEqual(["ol1[p,p+p+code:sh]", "p"]);
    expect(outline(parseBlocks("- a\n\n* b"))).toEqual(["ul[p]", "ul[p]"]);
  });

  it("ends a list at a thematic break that looks like an item", () => {
    expect(outline(parseBlocks("- a\n- - -\n- b"))).toEqual(["ul[p]", "hr", "ul[p]"]);
  });

  it("lets only an ordered list starting at 1 interrupt a paragraph", () => {
    expect(outline(parseBlocks("The year\n1999. was long"))).toEqual(["p"]);
    expect(outline(parseBlocks("Steps:\n1. one"))).toEqual(["p", "ol1[p]"]);
  });

  it("closes a fence only with the same character, at least as long, and nothing after it", () => {
    expect(outline(parseBlocks("````js\n```\n~~~~\n```` x\n````"))).toEqual(["code:js"]);
    const [code] = parseBlocks("````js\n```\n~~~~\n```` x\n````");
    expect(code).toMatchObject({ value: "```\n~~~~\n```` x", closed: true });
    expect(outline(parseBlocks("```py\nprint(1)"))).toEqual(["code:py(open)"]);
  });

  it("does not take a line of backticks with a backtick in its info string for a fence", () => {
    expect(outline(parseBlocks("``` a`b\ntext"))).toEqual(["p"]);
  });

  it("caps nesting at 32 levels", () => {
    const blocks = parseBlocks(`${"> ".repeat(200)}deep`);
    let depth = 0;
    let current = blocks;
    while (current[0]?.type === "blockquote") {
      depth += 1;
      current = current[0].children;
    }
    expect(depth).toBe(33);
    expect(current[0]?.type).toBe("paragraph");
  });
});
