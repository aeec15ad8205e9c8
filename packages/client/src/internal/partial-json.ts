import { AnthropicError } from "../errors.js";

// Parser states.
const VALUE = 0; // a value must start (top level, after `:`, after `,` in an array)
const ARRAY_FIRST = 1; // after `[`: a value or `]`
const OBJECT_FIRST = 2; // after `{`: a key or `}`
const OBJECT_KEY = 3; // after `,` in an object: a key
const COLON = 4; // after a key
const AFTER_VALUE = 5; // after a value inside a container: `,` or the closer
const STRING = 6;
const ESCAPE = 7; // after `\` in a string
const UNICODE = 8; // inside `\uXXXX`
const NUMBER = 9;
const LITERAL = 10; // inside `true`, `false` or `null`
const DONE = 11; // the top-level value is complete
const FAILED = 12;

const onlyWhitespace = /^[ \t\n\r]*$/;
const validNumber = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const escapes: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

interface Frame {
  container: Record<string, unknown> | unknown[];
  isArray: boolean;
  /** The key whose value comes next (objects only). */
  key: string;
}

/**
 * Accumulates JSON that arrives in fragments (a tool call's `input_json_delta`s), readable at any
 * moment. Pushing only appends. A snapshot runs a one-pass state machine, with a stack of open
 * containers, over the text pushed since the previous snapshot and mutates the value it is building,
 * so all snapshots together cost time linear in the input, whatever the fragment size; nothing is
 * re-parsed. `final()` is `JSON.parse` of the whole text, run once.
 *
 * `snapshot()` is the best value so far: open objects and arrays hold what they have, an unfinished
 * string shows its prefix, an unfinished number shows once it is a valid number, and a key whose value
 * has not started is left out. It never throws (after invalid input it keeps the last good value).
 * The snapshot is a live value that later snapshots keep mutating: copy it to keep a moment's state.
 *
 * @example
 * const json = new PartialJSONAccumulator();
 * json.push('{"city": "San Fr');
 * json.snapshot(); // { city: "San Fr" }
 * json.push('ancisco"}');
 * json.final(); // { city: "San Francisco" }
 */
export class PartialJSONAccumulator {
  #state = VALUE;
  #stack: Frame[] = [];
  #root: unknown = undefined;
  /** Where the value being read goes: a key of the top object, or an index of the top array. */
  #slot: string | number = 0;
  #text = "";
  #isKey = false;
  #unicodeValue = 0;
  #unicodeDigits = 0;
  #literal = "";
  #literalValue: unknown = null;
  /** Everything pushed, for `final()`. */
  #source = "";
  /** What was pushed since the last snapshot; tracked only once a snapshot was taken. */
  #unparsed = "";
  #live = false;

  /** Appends the next fragment (O(1): parsing waits for a snapshot). */
  push(fragment: string): void {
    this.#source += fragment;
    if (this.#live) this.#unparsed += fragment;
  }

  /** Whether nothing but whitespace has been pushed so far. */
  get isEmpty(): boolean {
    return onlyWhitespace.test(this.#source);
  }

  /** The best value so far (see the class notes); `undefined` before any value starts. Never throws. */
  snapshot(): unknown {
    if (!this.#live) {
      // The first snapshot parses everything so far; later ones only what arrived since.
      this.#live = true;
      this.#unparsed = this.#source;
    }
    if (this.#unparsed !== "") {
      const text = this.#unparsed;
      this.#unparsed = "";
      this.#parse(text);
    }
    const state = this.#state;
    if ((state === STRING || state === ESCAPE || state === UNICODE) && !this.#isKey) {
      this.#assign(this.#text);
    } else if (state === NUMBER && validNumber.test(this.#text)) {
      this.#assign(Number(this.#text));
    }
    return this.#root;
  }

  /** The complete value, `JSON.parse` of everything pushed; throws `AnthropicError` if that is not valid JSON. */
  final(): unknown {
    try {
      return JSON.parse(this.#source);
    } catch (cause) {
      throw new AnthropicError(`Invalid JSON: ${(cause as Error).message}`, { cause });
    }
  }

  /** Runs the state machine over the next piece of text. */
  #parse(fragment: string): void {
    const length = fragment.length;
    let index = 0;
    while (index < length && this.#state !== FAILED) {
      const code = fragment.charCodeAt(index);
      switch (this.#state) {
        case STRING: {
          let end = index;
          let stop = code;
          while (end < length) {
            stop = fragment.charCodeAt(end);
            if (stop === 0x22 || stop === 0x5c || stop < 0x20) break;
            end++;
          }
          if (end > index) this.#text += fragment.slice(index, end);
          if (end === length) {
            index = end;
            continue;
          }
          if (stop === 0x22) this.#endString();
          else if (stop === 0x5c) this.#state = ESCAPE;
          else this.#fail();
          index = end + 1;
          continue;
        }
        case ESCAPE: {
          if (code === 0x75) {
            this.#unicodeValue = 0;
            this.#unicodeDigits = 0;
            this.#state = UNICODE;
          } else {
            const replacement = escapes[fragment[index]!];
            if (replacement === undefined) {
              this.#fail();
              continue;
            }
            this.#text += replacement;
            this.#state = STRING;
          }
          index++;
          continue;
        }
        case UNICODE: {
          const digit = hexValue(code);
          if (digit < 0) {
            this.#fail();
            continue;
          }
          this.#unicodeValue = this.#unicodeValue * 16 + digit;
          if (++this.#unicodeDigits === 4) {
            this.#text += String.fromCharCode(this.#unicodeValue);
            this.#state = STRING;
          }
          index++;
          continue;
        }
        case NUMBER: {
          if (
            (code >= 0x30 && code <= 0x39) ||
            code === 0x2e ||
            code === 0x65 ||
            code === 0x45 ||
            code === 0x2b ||
            code === 0x2d
          ) {
            this.#text += fragment[index];
            index++;
            continue;
          }
          // Any other character ends the number and is read again in the state that follows it.
          this.#endNumber();
          continue;
        }
        case LITERAL: {
          if (fragment[index] !== this.#literal[this.#text.length]) {
            this.#fail();
            continue;
          }
          this.#text += fragment[index];
          index++;
          if (this.#text.length === this.#literal.length) this.#place(this.#literalValue);
          continue;
        }
      }
      // The structural states: whitespace is skipped between tokens.
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) {
        index++;
        continue;
      }
      switch (this.#state) {
        case VALUE:
        case ARRAY_FIRST:
          if (code === 0x5d && this.#state === ARRAY_FIRST) this.#close();
          else this.#startValue(code, fragment, index);
          break;
        case OBJECT_FIRST:
        case OBJECT_KEY:
          if (code === 0x22) {
            this.#isKey = true;
            this.#text = "";
            this.#state = STRING;
          } else if (code === 0x7d && this.#state === OBJECT_FIRST) this.#close();
          else this.#fail();
          break;
        case COLON:
          if (code === 0x3a) this.#state = VALUE;
          else this.#fail();
          break;
        case AFTER_VALUE: {
          const frame = this.#stack[this.#stack.length - 1]!;
          if (code === 0x2c) this.#state = frame.isArray ? VALUE : OBJECT_KEY;
          else if (code === (frame.isArray ? 0x5d : 0x7d)) this.#close();
          else this.#fail();
          break;
        }
        case DONE:
          this.#fail();
          break;
      }
      index++;
    }
  }

  #startValue(code: number, fragment: string, index: number): void {
    const frame = this.#stack[this.#stack.length - 1];
    if (frame) this.#slot = frame.isArray ? (frame.container as unknown[]).length : frame.key;
    this.#text = "";
    if (code === 0x22) {
      this.#isKey = false;
      this.#state = STRING;
    } else if (code === 0x7b || code === 0x5b) {
      const isArray = code === 0x5b;
      const container = isArray ? [] : {};
      this.#assign(container);
      this.#stack.push({ container, isArray, key: "" });
      this.#state = isArray ? ARRAY_FIRST : OBJECT_FIRST;
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      this.#text = fragment[index]!;
      this.#state = NUMBER;
    } else if (code === 0x74 || code === 0x66 || code === 0x6e) {
      this.#literal = code === 0x74 ? "true" : code === 0x66 ? "false" : "null";
      this.#literalValue = code === 0x74 ? true : code === 0x66 ? false : null;
      this.#text = fragment[index]!;
      this.#state = LITERAL;
    } else {
      this.#fail();
    }
  }

  #endString(): void {
    if (this.#isKey) {
      this.#stack[this.#stack.length - 1]!.key = this.#text;
      this.#state = COLON;
    } else {
      this.#place(this.#text);
    }
  }

  #endNumber(): void {
    if (validNumber.test(this.#text)) this.#place(Number(this.#text));
    else this.#fail();
  }

  /** Stores a finished scalar and moves past it. */
  #place(value: unknown): void {
    this.#assign(value);
    this.#state = this.#stack.length === 0 ? DONE : AFTER_VALUE;
  }

  #assign(value: unknown): void {
    const frame = this.#stack[this.#stack.length - 1];
    if (!frame) {
      this.#root = value;
    } else if (frame.isArray) {
      (frame.container as unknown[])[this.#slot as number] = value;
    } else if (this.#slot === "__proto__") {
      // An own property, as JSON.parse makes, rather than a prototype change.
      Object.defineProperty(frame.container, "__proto__", {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else {
      (frame.container as Record<string, unknown>)[this.#slot as string] = value;
    }
  }

  #close(): void {
    this.#stack.pop();
    this.#state = this.#stack.length === 0 ? DONE : AFTER_VALUE;
  }

  /** Invalid input: snapshots keep the last good value; `final()` reports the error. */
  #fail(): void {
    this.#state = FAILED;
  }
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}
