/** A token of highlighted code; `kind` becomes the class `cq-token-<kind>`. */
export interface CodeToken {
  kind: "plain" | "keyword" | "string" | "number" | "comment" | "literal" | "function" | "punctuation";
  text: string;
}

const keywords = new Set(
  (
    "abstract as async await break case catch class const continue def default del do elif else enum except export " +
    "extends finally fn for from func function go if impl import in instanceof interface is lambda let match mod " +
    "module mut new not or and pass private protected pub public raise return select self static struct super " +
    "switch this throw try type typeof use var void while with yield package namespace using echo fi then esac done"
  ).split(" "),
);
const literals = new Set([
  "true",
  "false",
  "null",
  "undefined",
  "None",
  "True",
  "False",
  "nil",
  "NaN",
  "Infinity",
]);

const hashComments = new Set([
  "python",
  "py",
  "bash",
  "sh",
  "shell",
  "zsh",
  "yaml",
  "yml",
  "ruby",
  "rb",
  "toml",
  "r",
  "perl",
]);

/**
 * A tiny language-agnostic highlighter (comments, strings, numbers, keywords): enough to make a
 * settled code block readable without shipping a grammar library. Tokens concatenate to the input.
 */
export function highlight(code: string, language: string): CodeToken[] {
  const lang = language.toLowerCase();
  const hash = hashComments.has(lang);
  const slash = !hash;
  const sqlDash = lang === "sql" || lang === "lua" || lang === "haskell";
  const tokens: CodeToken[] = [];
  const push = (kind: CodeToken["kind"], text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind === "plain") last.text += text;
    else tokens.push({ kind, text });
  };
  const rules: Array<{ kind: CodeToken["kind"]; pattern: RegExp; enabled: boolean }> = [
    { kind: "comment", pattern: /^\/\/[^\n]*/, enabled: slash },
    { kind: "comment", pattern: /^\/\*[\s\S]*?(?:\*\/|$)/, enabled: slash },
    { kind: "comment", pattern: /^#[^\n]*/, enabled: hash },
    { kind: "comment", pattern: /^--[^\n]*/, enabled: sqlDash },
    { kind: "string", pattern: /^("""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$))/, enabled: true },
    {
      kind: "string",
      pattern: /^("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\.)*`?)/,
      enabled: true,
    },
  ];
  let index = 0;
  while (index < code.length) {
    const rest = code.slice(index);
    const char = code[index]!;
    const rule = rules.find((candidate) => candidate.enabled && candidate.pattern.test(rest));
    if (rule) {
      const text = rule.pattern.exec(rest)![0];
      push(rule.kind, text);
      index += text.length;
      continue;
    }
    const number = /^(?:0x[\da-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)\b/.exec(rest);
    if (number && !/[\w$]/.test(code[index - 1] ?? "")) {
      push("number", number[0]);
      index += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(rest)?.[0];
    if (word !== undefined) {
      if (keywords.has(word)) push("keyword", word);
      else if (literals.has(word)) push("literal", word);
      else if (code[index + word.length] === "(") push("function", word);
      else push("plain", word);
      index += word.length;
      continue;
    }
    push(/[{}()[\];,.:=<>+\-*/%!&|^~?]/.test(char) ? "punctuation" : "plain", char);
    index += 1;
  }
  return tokens;
}
