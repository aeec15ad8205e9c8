import { describe, expect, it } from "vitest";
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
});
