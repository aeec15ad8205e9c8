import { describe, expect, it } from "vitest";
import { type CodeToken, highlight } from "./highlight.js";

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
  // Each row: code, its language, a piece of it, and the kind of the token that piece starts.
  it.each<[string, string, string, CodeToken["kind"]]>([
    // `type` only in TypeScript.
    ["type A = string;", "ts", "type", "keyword"],
    ["type A = string;", "typescript", "type", "keyword"],
    ["const type = 1;", "js", "type", "plain"],
    ["type = 1", "python", "type", "plain"],
    ["type = 1", "", "type", "plain"],
    // `match` only in Rust and PHP.
    ["match x { _ => 1 }", "rust", "match", "keyword"],
    ["match ($x) {}", "php", "match", "keyword"],
    ["const match = re.exec(s);", "js", "match", "plain"],
    ["match = pattern.search(s)", "py", "match", "plain"],
    ["match = 1", "", "match", "plain"],
    // Each language's literals.
    ["x = None", "python", "None", "literal"],
    ["x = None", "js", "None", "plain"],
    ["var x = nil", "go", "nil", "literal"],
    ['{"a": true}', "json", "true", "literal"],
    // A property is never a keyword.
    ["promise.catch(handle)", "js", "catch", "function"],
    ["options.default", "js", "default", "plain"],
    ["m = re.match(p, s)", "python", "match", "function"],
    // Comments by the language's syntax.
    ["x = 1 # note", "python", "# note", "comment"],
    ["x = 1 # note", "js", "# note", "plain"],
    ["a -- note", "sql", "-- note", "comment"],
    ["x = 1; /* a */", "c", "/* a */", "comment"],
    ["#include <stdio.h>", "", "#include", "plain"],
  ])("reads %j in %j: %j is %s", (code, language, piece, kind) => {
    expect(kindOf(code, language, piece)).toBe(kind);
  });

  it("gives back the input, token by token", () => {
    const code = 'const a = "x"; // note\nif (a) { f(1.5e3) }';
    expect(
      highlight(code, "js")
        .map((token) => token.text)
        .join(""),
    ).toBe(code);
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

  it("reads strings, numbers and calls in any language", () => {
    const tokens = highlight('print("hi", 42)', "py");
    expect(tokens.find((token) => token.kind === "string")?.text).toBe('"hi"');
    expect(tokens.find((token) => token.kind === "number")?.text).toBe("42");
    expect(tokens.find((token) => token.kind === "function")?.text).toBe("print");
  });
});
