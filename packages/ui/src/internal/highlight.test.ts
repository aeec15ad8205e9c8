import { describe, expect, it } from "vitest";
import { highlight } from "./highlight.js";

/** The kind of the token that holds the first occurrence of `text` in `code` (plain text merges). */
function kindOf(code: string, language: string, text: string): string {
  const at = code.indexOf(text);
  if (at === -1) throw new Error(`${text} is not in ${code}`);
  let offset = 0;
  for (const token of highlight(code, language)) {
    if (at >= offset && at < offset + token.text.length) return token.kind;
    offset += token.text.length;
  }
  throw new Error("the tokens do not cover the code");
}

/** Words tokenised as keywords. */
function keywords(code: string, language: string): string[] {
  return highlight(code, language)
    .filter((token) => token.kind === "keyword")
    .map((token) => token.text);
}

describe("highlight", () => {
  it("gives back the input, token by token", () => {
    const code = 'const a = "x"; // note\nif (a) { f(1.5e3) }';
    expect(
      highlight(code, "js")
        .map((token) => token.text)
        .join(""),
    ).toBe(code);
  });

  it("colours `type` in TypeScript only", () => {
    expect(kindOf("type A = string;", "ts", "type")).toBe("keyword");
    expect(kindOf("type A = string;", "typescript", "type")).toBe("keyword");
    expect(kindOf("const type = 1;", "js", "type")).toBe("plain");
    expect(kindOf("type = 1", "python", "type")).toBe("plain");
    expect(kindOf("type = 1", "", "type")).toBe("plain");
  });

  it("colours `match` in Rust and PHP, not in JavaScript, Python or an unknown language", () => {
    expect(kindOf("match x { _ => 1 }", "rust", "match")).toBe("keyword");
    expect(kindOf("match ($x) {}", "php", "match")).toBe("keyword");
    expect(kindOf("const match = re.exec(s);", "js", "match")).toBe("plain");
    expect(kindOf("match = pattern.search(s)", "py", "match")).toBe("plain");
    expect(kindOf("match = 1", "", "match")).toBe("plain");
  });

  it("colours `fi`, `done`, `then` and `esac` in shell only", () => {
    const script = "if [ -f x ]; then\n  for f in *; do echo $f; done\nfi\ncase $a in esac";
    expect(keywords(script, "sh")).toEqual([
      "if",
      "then",
      "for",
      "in",
      "do",
      "done",
      "fi",
      "case",
      "in",
      "esac",
    ]);
    expect(keywords(script, "bash")).toContain("fi");
    const prose = "done = fi + then";
    expect(keywords(prose, "python")).toEqual([]);
    expect(keywords(prose, "js")).toEqual([]);
    expect(keywords(prose, "")).toEqual([]);
  });

  it("knows each language's own keywords", () => {
    expect(keywords("def f(): pass", "python")).toEqual(["def", "pass"]);
    expect(keywords("fn main() { let mut x = 1; }", "rs")).toEqual(["fn", "let", "mut"]);
    expect(keywords("func main() { defer f() }", "go")).toEqual(["func", "defer"]);
    expect(keywords("SELECT a FROM t WHERE b", "sql")).toEqual(["SELECT", "FROM", "WHERE"]);
    expect(keywords("local x = 1 end", "lua")).toEqual(["local", "end"]);
    expect(keywords("interface A {} enum B {}", "ts")).toEqual(["interface", "enum"]);
    expect(keywords("interface A {} enum B {}", "js")).toEqual([]);
  });

  it("colours each language's literals", () => {
    expect(kindOf("x = None", "python", "None")).toBe("literal");
    expect(kindOf("x = None", "js", "None")).toBe("plain");
    expect(kindOf("var x = nil", "go", "nil")).toBe("literal");
    expect(kindOf('{"a": true}', "json", "true")).toBe("literal");
  });

  it("never colours a property as a keyword", () => {
    expect(kindOf("promise.catch(handle)", "js", "catch")).toBe("function");
    expect(kindOf("options.default", "js", "default")).toBe("plain");
    expect(kindOf("m = re.match(p, s)", "python", "match")).toBe("function");
  });

  it("reads comments by the language's syntax", () => {
    expect(kindOf("x = 1 # note", "python", "# note")).toBe("comment");
    expect(kindOf("x = 1 # note", "js", "# note")).not.toBe("comment");
    expect(kindOf("a -- note", "sql", "-- note")).toBe("comment");
    expect(kindOf("x = 1; /* a */", "c", "/* a */")).toBe("comment");
    expect(kindOf("#include <stdio.h>", "", "#include")).not.toBe("comment");
  });

  it("reads strings, numbers and calls in any language", () => {
    const tokens = highlight('print("hi", 42)', "py");
    expect(tokens.find((token) => token.kind === "string")?.text).toBe('"hi"');
    expect(tokens.find((token) => token.kind === "number")?.text).toBe("42");
    expect(tokens.find((token) => token.kind === "function")?.text).toBe("print");
  });
});
