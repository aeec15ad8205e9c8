import { describe, expect, it } from "vitest";
import type { InlineNode } from "./ast.js";
import { parseInline } from "./parse-inline.js";

describe("parseInline", () => {
  it("parses strong, emphasis, strikethrough and code spans", () => {
    expect(parseInline("a **b** *c* ~~d~~ `e`")).toEqual([
      { type: "text", value: "a " },
      { type: "strong", children: [{ type: "text", value: "b" }] },
      { type: "text", value: " " },
      { type: "emphasis", children: [{ type: "text", value: "c" }] },
      { type: "text", value: " " },
      { type: "delete", children: [{ type: "text", value: "d" }] },
      { type: "text", value: " " },
      { type: "code", value: "e" },
    ]);
  });

  it("nests strong inside emphasis", () => {
    expect(parseInline("*a **b** c*")).toEqual([
      {
        type: "emphasis",
        children: [
          { type: "text", value: "a " },
          { type: "strong", children: [{ type: "text", value: "b" }] },
          { type: "text", value: " c" },
        ],
      },
    ]);
  });

  it("keeps an opener without a closer as literal text", () => {
    expect(parseInline("2 * 3 and **open")).toEqual([{ type: "text", value: "2 * 3 and **open" }]);
  });

  it("leaves underscores inside words alone", () => {
    expect(parseInline("snake_case_name")).toEqual([{ type: "text", value: "snake_case_name" }]);
  });

  it("does not parse markup inside code spans", () => {
    expect(parseInline("`**not bold**`")).toEqual([{ type: "code", value: "**not bold**" }]);
  });

  it("makes http(s) and mailto links and drops other schemes", () => {
    expect(parseInline("[ok](https://example.com/a)")).toEqual([
      { type: "link", href: "https://example.com/a", children: [{ type: "text", value: "ok" }] },
    ]);
    expect(parseInline("[mail](mailto:a@example.com)")[0]).toMatchObject({ href: "mailto:a@example.com" });
    expect(parseInline("[bad](javascript:alert(1))")[0]).toMatchObject({ type: "link", href: null });
    expect(parseInline("[bad](JaVaScRiPt:alert(1))")[0]).toMatchObject({ href: null });
    expect(parseInline("[rel](/relative/path)")[0]).toMatchObject({ href: null });
  });

  it("links bare URLs without their trailing punctuation", () => {
    expect(parseInline("see https://example.com/x.")).toEqual([
      { type: "text", value: "see " },
      {
        type: "link",
        href: "https://example.com/x",
        children: [{ type: "text", value: "https://example.com/x" }],
      },
      { type: "text", value: "." },
    ]);
  });

  it("turns newlines into breaks and honours backslash escapes", () => {
    expect(parseInline("a\\*b\nc")).toEqual([
      { type: "text", value: "a*b" },
      { type: "break" },
      { type: "text", value: "c" },
    ]);
  });

  it("keeps raw HTML as text", () => {
    expect(parseInline("<b>hi</b>")).toEqual([{ type: "text", value: "<b>hi</b>" }]);
  });

  describe("emphasis by CommonMark's delimiter rules", () => {
    /** The nodes as compact HTML-like text, to state many cases briefly. */
    const html = (source: string): string => render(parseInline(source));

    it.each([
      ["*foo bar*", "<em>foo bar</em>"],
      ["a * foo bar*", "a * foo bar*"],
      ["foo*bar*", "foo<em>bar</em>"],
      ["foo_bar_", "foo_bar_"],
      ["_foo_bar", "_foo_bar"],
      ["**foo*", "*<em>foo</em>"],
      ["*foo**", "<em>foo</em>*"],
      ["***strong emph***", "<em><strong>strong emph</strong></em>"],
      ["*foo **bar** baz*", "<em>foo <strong>bar</strong> baz</em>"],
      ["*foo**bar**baz*", "<em>foo<strong>bar</strong>baz</em>"],
      ["*foo**bar*", "<em>foo**bar</em>"],
      ["**foo*bar*baz**", "<strong>foo<em>bar</em>baz</strong>"],
      ["*(*foo*)*", "<em>(<em>foo</em>)</em>"],
      ["~~gone~~ and ~~~not~~~", "<del>gone</del> and ~~~not~~~"],
      ["*a `*` b*", "<em>a <code>*</code> b</em>"],
    ])("%s", (source, expected) => {
      expect(html(source)).toBe(expected);
    });

    it("keeps 8,000 unmatched openers as the same text", () => {
      const source = "*a _b ".repeat(8000);
      expect(parseInline(source)).toEqual([{ type: "text", value: source }]);
    });

    it("caps nesting at 32 levels and keeps the text of deeper ones", () => {
      const depth = 5000;
      const source = `${"*a ".repeat(depth)}b${" c*".repeat(depth)}`;
      let levels = 0;
      let nodes = parseInline(source);
      while (nodes.some((node) => node.type === "emphasis")) {
        levels += 1;
        nodes = nodes.flatMap((node) => (node.type === "emphasis" ? node.children : []));
      }
      expect(levels).toBe(32);
      expect(textOf(parseInline(source))).toBe(source.replaceAll("*", ""));
    });
  });

  describe("links and code spans", () => {
    it("takes brackets inside a label, drops a title and unescapes the target", () => {
      expect(parseInline('[a [b] c](https://x.y/a\\_b "title")')).toEqual([
        { type: "link", href: "https://x.y/a_b", children: [{ type: "text", value: "a [b] c" }] },
      ]);
    });

    it("makes no link inside a link", () => {
      const nodes = parseInline("[see https://a.b now](https://c.d)");
      expect(nodes).toEqual([
        { type: "link", href: "https://c.d/", children: [{ type: "text", value: "see https://a.b now" }] },
      ]);
    });

    it("parses emphasis inside a label and ends emphasis at the label's end", () => {
      expect(parseInline("[*a*](https://x.y) *b")).toEqual([
        {
          type: "link",
          href: "https://x.y/",
          children: [{ type: "emphasis", children: [{ type: "text", value: "a" }] }],
        },
        { type: "text", value: " *b" },
      ]);
    });

    it("links a bare URL only after the rest is parsed, so it swallows no syntax", () => {
      expect(parseInline("[https://a.b/x](https://a.b/x)")).toEqual([
        { type: "link", href: "https://a.b/x", children: [{ type: "text", value: "https://a.b/x" }] },
      ]);
      expect(parseInline("**https://a.b/x**")).toEqual([
        {
          type: "strong",
          children: [
            { type: "link", href: "https://a.b/x", children: [{ type: "text", value: "https://a.b/x" }] },
          ],
        },
      ]);
      expect(parseInline("`https://a.b` and https://a.b`c` *d*")).toEqual([
        { type: "code", value: "https://a.b" },
        { type: "text", value: " and " },
        { type: "link", href: "https://a.b/", children: [{ type: "text", value: "https://a.b" }] },
        { type: "code", value: "c" },
        { type: "text", value: " " },
        { type: "emphasis", children: [{ type: "text", value: "d" }] },
      ]);
    });

    it("shows an image as a link to it labelled by its alt text, also inside a link", () => {
      const image = {
        type: "link",
        href: "https://x.y/d.png",
        children: [{ type: "text", value: "a diagram" }],
      };
      expect(parseInline("![a diagram](https://x.y/d.png)")).toEqual([image]);
      expect(parseInline("[![badge](https://x.y/b.svg)](https://x.y/ci)")).toEqual([
        { type: "link", href: "https://x.y/ci", children: [{ type: "text", value: "badge" }] },
      ]);
      expect(parseInline("wow! [a] and ![b")).toEqual([{ type: "text", value: "wow! [a] and ![b" }]);
    });

    it("keeps brackets and targets that never close as text", () => {
      const source = "[a [b](c ".repeat(1000);
      expect(parseInline(source)).toEqual([{ type: "text", value: source }]);
    });

    it("matches a backtick run only with a run of the same length", () => {
      expect(parseInline("``a ` b`` `c")).toEqual([
        { type: "code", value: "a ` b" },
        { type: "text", value: " `c" },
      ]);
      expect(parseInline("` `` `")).toEqual([{ type: "code", value: "``" }]);
      expect(parseInline("\\``a`")).toEqual([
        { type: "text", value: "`" },
        { type: "code", value: "a" },
      ]);
    });
  });
});

function textOf(nodes: InlineNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text" || node.type === "code") return node.value;
      if (node.type === "break") return "\n";
      return textOf(node.children);
    })
    .join("");
}

function render(nodes: InlineNode[]): string {
  const tags = { emphasis: "em", strong: "strong", delete: "del", link: "a" } as const;
  return nodes
    .map((node) => {
      if (node.type === "text") return node.value;
      if (node.type === "code") return `<code>${node.value}</code>`;
      if (node.type === "break") return "<br>";
      const tag = tags[node.type];
      return `<${tag}>${render(node.children)}</${tag}>`;
    })
    .join("");
}
