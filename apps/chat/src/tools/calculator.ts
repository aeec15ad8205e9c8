/** Functions the calculator knows, by name. */
const FUNCTIONS: Record<string, (value: number) => number> = {
  sqrt: Math.sqrt,
  abs: Math.abs,
  round: Math.round,
  floor: Math.floor,
  ceil: Math.ceil,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  ln: Math.log,
  log: Math.log10,
  exp: Math.exp,
};

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

type Token =
  | { kind: "number"; value: number }
  | { kind: "name"; value: string }
  | { kind: "symbol"; value: string };

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([a-zA-Z_]+)|(\*\*|[-+*/%^(),]))/y;
  let index = 0;
  while (index < expression.length) {
    if (expression.slice(index).trim() === "") break;
    pattern.lastIndex = index;
    const match = pattern.exec(expression);
    if (!match)
      throw new Error(`Unexpected character "${expression.slice(index).trim()[0]}" in the expression`);
    if (match[1] !== undefined) tokens.push({ kind: "number", value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: "name", value: match[2].toLowerCase() });
    else tokens.push({ kind: "symbol", value: match[3] === "**" ? "^" : (match[3] ?? "") });
    index = pattern.lastIndex;
  }
  return tokens;
}

/**
 * Evaluates an arithmetic expression without `eval`: numbers, `+ - * / %`, `^` or `**` (right-assoc),
 * parentheses, unary minus, `pi`, `e` and the functions sqrt, abs, round, floor, ceil, sin, cos, tan,
 * ln, log (base 10), exp. Throws an Error with a readable message on bad input or a non-finite result.
 */
export function evaluateExpression(expression: string): number {
  const tokens = tokenize(expression);
  let position = 0;
  const peek = () => tokens[position];
  const take = (symbol: string) => {
    const token = peek();
    if (token?.kind === "symbol" && token.value === symbol) {
      position++;
      return true;
    }
    return false;
  };

  const primary = (): number => {
    const token = peek();
    if (!token) throw new Error("The expression ends too early");
    position++;
    if (token.kind === "number") return token.value;
    if (token.kind === "name") {
      const constant = CONSTANTS[token.value];
      if (constant !== undefined) return constant;
      const fn = FUNCTIONS[token.value];
      if (!fn) throw new Error(`Unknown name "${token.value}"`);
      if (!take("(")) throw new Error(`Expected "(" after ${token.value}`);
      const argument = sum();
      if (!take(")")) throw new Error('Expected ")"');
      return fn(argument);
    }
    if (token.value === "(") {
      const value = sum();
      if (!take(")")) throw new Error('Expected ")"');
      return value;
    }
    throw new Error(`Unexpected "${token.value}"`);
  };
  const unary = (): number => {
    if (take("-")) return -unary();
    if (take("+")) return unary();
    return power();
  };
  const power = (): number => {
    const base = primary();
    return take("^") ? base ** unary() : base;
  };
  const product = (): number => {
    let value = unary();
    for (;;) {
      if (take("*")) value *= unary();
      else if (take("/")) value /= unary();
      else if (take("%")) value %= unary();
      else return value;
    }
  };
  const sum = (): number => {
    let value = product();
    for (;;) {
      if (take("+")) value += product();
      else if (take("-")) value -= product();
      else return value;
    }
  };

  if (tokens.length === 0) throw new Error("The expression is empty");
  const result = sum();
  const rest = peek();
  if (rest) throw new Error(`Unexpected "${String(rest.value)}"`);
  if (!Number.isFinite(result)) throw new Error("The result is not a finite number");
  return result;
}
