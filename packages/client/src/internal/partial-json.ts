import { AnthropicError } from "../errors.js";
import { parseJSON } from "./parse-json.js";

interface Frame {
  container: Record<string, unknown> | unknown[];
  /** Objects: the key whose value comes next, or `undefined` while a key is expected. */
  key: string | undefined;
}

/**
 * Accumulates JSON that arrives in fragments (a tool call's `input_json_delta`s), readable at any
 * moment. Pushing only appends. A snapshot runs a one-pass scanner, with a stack of open containers,
 * over the text pushed since the previous snapshot and mutates the value it is building, so all
 * snapshots together cost time linear in the input, whatever the fragment size: nothing is re-parsed.
 * `final()` is `JSON.parse` of the whole text, run once, so validation is exactly `JSON.parse`'s.
 *
 * `snapshot()` is the best value so far: open objects and arrays hold what they have, an unfinished
 * string shows its prefix, an unfinished number or literal shows once it parses, and a key whose value
 * has not started is left out. It never throws (on invalid input it keeps the last good value). The
 * snapshot is a live value that later snapshots keep mutating: copy it to keep a moment's state.
 *
 * @example
 * const json = new PartialJSONAccumulator();
 * json.push('{"city": "San Fr');
 * json.snapshot(); // { city: "San Fr" }
 * json.push('ancisco"}');
 * json.final(); // { city: "San Francisco" }
 */
export class PartialJSONAccumulator {
  /** Everything pushed, for `final()`. */
  #source = "";
  /** What was pushed since the last snapshot; tracked only once a snapshot was taken. */
  #unparsed = "";
  #live = false;
  #root: unknown;
  #stack: Frame[] = [];
  /** Where the value being read goes: a key of the top object or an index of the top array. */
  #slot: string | number = 0;
  /** The string being read (key or value), or `undefined` outside strings. */
  #string: string | undefined;
  #isKey = false;
  /** An escape sequence being read inside a string (`\`, `\u00`...), or "". */
  #escape = "";
  /** A number or literal being read, or "". */
  #scalar = "";
  #failed = false;

  /** Appends the next fragment (O(1): parsing waits for a snapshot). */
  push(fragment: string): void {
    this.#source += fragment;
    if (this.#live) this.#unparsed += fragment;
  }

  /** Whether nothing but whitespace has been pushed so far. */
  get isEmpty(): boolean {
    return /^[ \t\n\r]*$/.test(this.#source);
  }

  /** The best value so far (see the class notes); `undefined` before any value starts. Never throws. */
  snapshot(): unknown {
    if (!this.#live) {
      // The first snapshot parses everything so far; later ones only what arrived since.
      this.#live = true;
      this.#unparsed = this.#source;
    }
    const text = this.#unparsed;
    this.#unparsed = "";
    if (!this.#failed) this.#scan(text);
    if (this.#string !== undefined && !this.#isKey) this.#assign(this.#string);
    else if (this.#scalar) this.#assignScalar(false);
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

  #scan(text: string): void {
    const length = text.length;
    for (let index = 0; index < length && !this.#failed; index++) {
      if (this.#string !== undefined) {
        if (this.#escape) {
          this.#escape += text[index];
          if (this.#escape[1] !== "u" || this.#escape.length === 6) {
            const decoded = parseJSON(`"${this.#escape}"`);
            this.#escape = "";
            if (typeof decoded === "string") this.#string += decoded;
            else this.#failed = true;
          }
          continue;
        }
        let end = index;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === 0x22 || code === 0x5c) break;
          end++;
        }
        this.#string += text.slice(index, end);
        index = end;
        if (end === length) break;
        if (text[end] === "\\") {
          this.#escape = "\\";
        } else if (this.#isKey) {
          this.#top()!.key = this.#string;
          this.#string = undefined;
        } else {
          this.#assign(this.#string);
          this.#string = undefined;
        }
        continue;
      }
      const char = text[index]!;
      if ('{[]}",: \t\n\r'.includes(char)) {
        if (this.#scalar) this.#assignScalar(true);
      } else {
        // A number or literal character: its value is known once a delimiter ends it.
        if (!this.#scalar) this.#startValue();
        this.#scalar += char;
        continue;
      }
      const frame = this.#top();
      if (char === '"') {
        this.#isKey = frame !== undefined && !Array.isArray(frame.container) && frame.key === undefined;
        if (!this.#isKey) this.#startValue();
        this.#string = "";
      } else if (char === "{" || char === "[") {
        this.#startValue();
        const container = char === "{" ? {} : [];
        this.#assign(container);
        this.#stack.push({ container, key: undefined });
      } else if (char === "}" || char === "]") {
        this.#stack.pop();
      } else if (char === "," && frame) {
        frame.key = undefined;
      }
    }
  }

  #top(): Frame | undefined {
    return this.#stack[this.#stack.length - 1];
  }

  #startValue(): void {
    const frame = this.#top();
    if (frame) {
      this.#slot = Array.isArray(frame.container) ? frame.container.length : (frame.key ?? "");
    }
  }

  /** Stores the number or literal read so far if it parses; at its end, an unparsable one is invalid JSON. */
  #assignScalar(complete: boolean): void {
    const value = parseJSON(this.#scalar);
    if (value !== undefined) this.#assign(value);
    else if (complete) this.#failed = true;
    if (complete) this.#scalar = "";
  }

  #assign(value: unknown): void {
    const frame = this.#top();
    if (!frame) {
      this.#root = value;
    } else if (this.#slot === "__proto__") {
      // An own property, as JSON.parse makes, rather than a prototype change.
      Object.defineProperty(frame.container, "__proto__", {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else {
      (frame.container as Record<string | number, unknown>)[this.#slot] = value;
    }
  }
}
