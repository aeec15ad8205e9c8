/** A token of highlighted code; `kind` becomes the class `cq-token-<kind>`. */
export interface CodeToken {
  kind: "plain" | "keyword" | "string" | "number" | "comment" | "literal" | "function" | "punctuation";
  text: string;
}

/** What the highlighter knows of a language: its reserved words, literals and comment syntax. */
interface Grammar {
  keywords: ReadonlySet<string>;
  literals: ReadonlySet<string>;
  /** Line comment openers, e.g. `//` or `#`. */
  lineComments: readonly string[];
  /** Whether `/* … *\/` is a comment. */
  blockComments: boolean;
  /** SQL: keywords in any case. */
  caseInsensitive?: boolean;
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** A language commented as C is: `//` to the end of the line and `/* … *\/`. */
const cStyle = (keywords: string, literals: string): Grammar => ({
  keywords: words(keywords),
  literals: words(literals),
  lineComments: ["//"],
  blockComments: true,
});

/** A language commented by `#` to the end of the line, with no block comments. */
const hashStyle = (keywords: string, literals: string): Grammar => ({
  keywords: words(keywords),
  literals: words(literals),
  lineComments: ["#"],
  blockComments: false,
});

const javascriptKeywords =
  "async await break case catch class const continue debugger default delete do else export extends finally for " +
  "from function if import in instanceof let new of return static super switch this throw try typeof var void " +
  "while with yield";
const cKeywords =
  "auto break case char const continue default do double else enum extern float for goto if inline int long " +
  "register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while";

const javascript = cStyle(javascriptKeywords, "true false null undefined NaN Infinity");
const typescript: Grammar = {
  ...javascript,
  keywords: words(
    `${javascriptKeywords} abstract as declare enum implements interface keyof infer is namespace override ` +
      "private protected public readonly satisfies type",
  ),
};
const python = hashStyle(
  // `match`, `case` and `type` are soft keywords: a variable may bear the name, so they stay plain.
  "and as assert async await break class continue def del elif else except finally for from global if " +
    "import in is lambda nonlocal not or pass raise return try while with yield",
  "True False None",
);
const shell = hashStyle(
  "if then else elif fi case esac for select while until do done in function time return exit break " +
    "continue local export readonly declare unset shift source",
  "true false",
);
const rust = cStyle(
  "as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod move " +
    "mut pub ref return self Self static struct super trait type unsafe use where while",
  "true false None Some Ok Err",
);
const go = cStyle(
  "break case chan const continue default defer else fallthrough for func go goto if import interface map " +
    "package range return select struct switch type var",
  "true false nil iota",
);
const java = cStyle(
  "abstract assert boolean break byte case catch char class const continue default do double else enum " +
    "extends final finally float for goto if implements import instanceof int interface long native new " +
    "package private protected public record return sealed short static super switch synchronized this " +
    "throw throws transient try var void volatile while yield",
  "true false null",
);
const c = cStyle(cKeywords, "NULL true false");
const cpp: Grammar = {
  ...c,
  keywords: words(
    `${cKeywords} bool catch class constexpr decltype delete explicit friend mutable namespace new noexcept ` +
      "operator override private protected public template this throw try typename using virtual",
  ),
  literals: words("NULL nullptr true false"),
};
const csharp = cStyle(
  "abstract as async await base bool break byte case catch char checked class const continue decimal default " +
    "delegate do double else enum event explicit extern finally fixed float for foreach goto if implicit in " +
    "int interface internal is lock long namespace new object operator out override params private " +
    "protected public readonly record ref return sealed short sizeof static string struct switch this throw " +
    "try typeof uint ulong unsafe ushort using var virtual void volatile while",
  "true false null",
);
const ruby = hashStyle(
  "alias and begin break case class def do else elsif end ensure for if in module next not or redo rescue " +
    "retry return self super then undef unless until when while yield",
  "true false nil",
);
const php: Grammar = {
  keywords: words(
    "abstract and as break case catch class clone const continue declare default do echo else elseif extends " +
      "final finally fn for foreach function global if implements include instanceof interface match namespace " +
      "new or print private protected public readonly require return static switch throw trait try use var " +
      "while yield",
  ),
  literals: words("true false null"),
  lineComments: ["//", "#"],
  blockComments: true,
};
const sql: Grammar = {
  keywords: words(
    "select from where insert into values update set delete create table drop alter add join inner left right " +
      "outer full on as and or not is in exists between like group by order having limit offset union all " +
      "distinct primary key foreign references index view default case when then else end begin commit " +
      "rollback with returning",
  ),
  literals: words("true false null"),
  lineComments: ["--"],
  blockComments: true,
  caseInsensitive: true,
};
const swift = cStyle(
  "as associatedtype async await break case catch class continue default defer deinit do else enum extension " +
    "fileprivate for func guard if import in init inout internal is let open operator private protocol " +
    "public repeat rethrows return self Self static struct subscript super switch throw throws try " +
    "typealias var where while",
  "true false nil",
);
const kotlin = cStyle(
  "as break by catch class companion constructor continue data do else enum finally for fun if import in " +
    "init interface internal is object open override package private protected public return sealed super " +
    "suspend this throw try typealias val var when while",
  "true false null",
);
const lua: Grammar = {
  keywords: words(
    "and break do else elseif end for function goto if in local not or repeat return then until while",
  ),
  literals: words("true false nil"),
  lineComments: ["--"],
  blockComments: false,
};
/** Data formats: literals and comments only. */
const data = (lineComments: readonly string[]): Grammar => ({
  keywords: new Set(),
  literals: words("true false null"),
  lineComments,
  blockComments: false,
});
/**
 * A language we do not know: only words that are keywords wherever they appear in the common languages,
 * so no language's own keyword (`type`, `match`, `fi`, `done`) is coloured in another.
 */
const unknown: Grammar = {
  keywords: words("break class const continue def else for function if import let return while var"),
  literals: words("true false null"),
  // Not `#`: it starts CSS selectors, C directives and markdown headings as often as comments.
  lineComments: ["//"],
  blockComments: true,
};

const grammars = new Map<string, Grammar>();
const register = (grammar: Grammar, names: string) => {
  for (const name of names.split(" ")) grammars.set(name, grammar);
};
register(javascript, "js javascript jsx mjs cjs node");
register(typescript, "ts typescript tsx mts cts");
register(python, "py python python3");
register(shell, "sh bash shell zsh console shellsession");
register(rust, "rs rust");
register(go, "go golang");
register(java, "java");
register(c, "c h");
register(cpp, "cpp c++ cc cxx hpp");
register(csharp, "cs csharp c#");
register(ruby, "rb ruby");
register(php, "php");
register(sql, "sql postgres postgresql mysql sqlite");
register(swift, "swift");
register(kotlin, "kt kotlin");
register(lua, "lua");
register(data([]), "json");
register(data(["#"]), "yaml yml toml ini");

/** The grammar a fence's language names; unknown names get a conservative one. */
function grammarFor(language: string): Grammar {
  return grammars.get(language.trim().toLowerCase()) ?? unknown;
}

const stringPattern =
  /"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\.)*`?/y;
const blockCommentPattern = /\/\*[\s\S]*?(?:\*\/|$)/y;
const numberPattern = /(?:0x[\da-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)\b/y;
const wordPattern = /[A-Za-z_$][\w$]*/y;
const punctuationChars = /[{}()[\];,.:=<>+\-*/%!&|^~?]/;

/** Matches a sticky pattern at `index`, or returns null. */
function matchAt(pattern: RegExp, code: string, index: number): string | null {
  pattern.lastIndex = index;
  return pattern.exec(code)?.[0] ?? null;
}

/**
 * A small highlighter (comments, strings, numbers, keywords and literals of the fence's language):
 * enough to make a settled code block readable without shipping a grammar library. Keywords are per
 * language (`type` is one in TypeScript, not in JavaScript; `fi` and `done` only in shell), and a word
 * after a `.` is a property, never a keyword. Tokens concatenate to the input.
 */
export function highlight(code: string, language: string): CodeToken[] {
  const grammar = grammarFor(language);
  const tokens: CodeToken[] = [];
  const push = (kind: CodeToken["kind"], text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind === "plain") last.text += text;
    else tokens.push({ kind, text });
  };
  let index = 0;
  while (index < code.length) {
    const char = code[index]!;
    const lineComment = grammar.lineComments.find((opener) => code.startsWith(opener, index));
    if (lineComment !== undefined) {
      const end = code.indexOf("\n", index);
      const text = code.slice(index, end === -1 ? code.length : end);
      push("comment", text);
      index += text.length;
      continue;
    }
    // Each pattern is tried only where its first character is, so a long block stays fast.
    let matched: { kind: CodeToken["kind"]; text: string | null } | null = null;
    if (char === "/" && grammar.blockComments) {
      matched = { kind: "comment", text: matchAt(blockCommentPattern, code, index) };
    } else if (char === '"' || char === "'" || char === "`") {
      matched = { kind: "string", text: matchAt(stringPattern, code, index) };
    } else if (char >= "0" && char <= "9" && !/[\w$]/.test(code[index - 1] ?? "")) {
      matched = { kind: "number", text: matchAt(numberPattern, code, index) };
    }
    if (matched?.text) {
      push(matched.kind, matched.text);
      index += matched.text.length;
      continue;
    }
    const word = /[A-Za-z_$]/.test(char) ? matchAt(wordPattern, code, index) : null;
    if (word !== null) {
      push(wordKind(word, grammar, code[index - 1], code[index + word.length]), word);
      index += word.length;
      continue;
    }
    push(punctuationChars.test(char) ? "punctuation" : "plain", char);
    index += 1;
  }
  return tokens;
}

function wordKind(
  word: string,
  grammar: Grammar,
  before: string | undefined,
  after: string | undefined,
): CodeToken["kind"] {
  const property = before === ".";
  const name = grammar.caseInsensitive ? word.toLowerCase() : word;
  if (!property && grammar.keywords.has(name)) return "keyword";
  if (!property && grammar.literals.has(name)) return "literal";
  if (after === "(") return "function";
  return "plain";
}
