import { parseJSON, parseJSONOrThrow } from "./parse-json.js";

type Container = Record<string, unknown> | unknown[];

/** The length of a `\uXXXX` escape sequence. */
const unicodeEscapeLength = 6;
/** The length of the other escape sequences, such as `\n` or `\"`. */
const shortEscapeLength = 2;

/** Finds the end of a run of plain string characters: the next quote or backslash. */
const stringStop = /["\\]/g;

/**
 * Accumulates JSON that arrives in fragments (a tool call's `input_json_delta`s), readable at any
 * moment. Pushing only appends. A snapshot runs a one-pass scanner, with a stack of open containers,
 * over the text pushed since the previous snapshot and mutates the value it is building, so all
 * snapshots together cost time linear in the input, whatever the fragment size: nothing is re-parsed.
 * `final()` is `JSON.parse` of the whole text, run once, so validation is exactly `JSON.parse`'s.
 *
 * `snapshot()` is the best value so far: open objects and arrays hold what they have, an unfinished
 * string shows its prefix, an unfinished number or literal shows once it parses, and a key whose value
 * has not started is left out. It never throws; on invalid input what it shows is unspecified (`final()`
 * reports the error). The snapshot is a live value that later snapshots keep mutating: copy it to keep
 * a moment's state.
 *
 * @example
 * const json = new PartialJSONAccumulator();
 * json.push('{"city": "San Fr');
 * json.snapshot(); // { city: "San Fr" }
 * json.push('ancisco"}');
 * json.final(); // { city: "San Francisco" }
 */
export class PartialJSONAccumulator {
  /** Everything pushed, for `final()` (and the first snapshot). */
  #source = "";
  /**
   * What was pushed since the last snapshot (after an escape sequence it cut short); `undefined` until
   * the first snapshot, when that is all of `#source`: input nobody reads is not kept twice.
   */
  #unparsed: string | undefined;
  #root: unknown;
  /** The open objects and arrays, innermost last. */
  #stack: Container[] = [];
  /**
   * Where the value being read goes: an index of the innermost array (its length after `[` or `,`), or
   * in the innermost object the key last read, `undefined` while a key is expected (after `{` or `,`).
   */
  #slot: string | number | undefined;
  /** The string being read (key or value), or `undefined` outside strings. */
  #string: string | undefined;
  /** A number or literal being read, or "". */
  #scalar = "";

  /** Characters the snapshots have scanned so far: each character once (see the class notes). */
  #scanned = 0;

  /** Appends the next fragment (O(1): parsing waits for a snapshot). */
  push(fragment: string): void {
    this.#source += fragment;
    if (this.#unparsed !== undefined) this.#unparsed += fragment;
  }

  /** Everything pushed so far, as it arrived. */
  get text(): string {
    return this.#source;
  }

  /**
   * How many characters all snapshots together have scanned: the total pushed, plus at most a cut
   * escape sequence (6 characters) again per snapshot. For tests of the linear cost.
   */
  get scanned(): number {
    return this.#scanned;
  }

  /** Whether nothing but whitespace has been pushed so far. */
  get isEmpty(): boolean {
    return /^[ \t\n\r]*$/.test(this.#source);
  }

  /** The complete value, `JSON.parse` of everything pushed; throws `AnthropicError` if that is not valid JSON. */
  final(): unknown {
    return parseJSONOrThrow(this.#source);
  }

  /** The best value so far (see the class notes); `undefined` before any value starts. Never throws. */
  snapshot(): unknown {
    // Scans only what arrived since the last snapshot.
    const text = this.#unparsed ?? this.#source;
    this.#unparsed = "";
    const length = text.length;
    this.#scanned += length;
    for (let index = 0; index < length; index++) {
      const char = text.charAt(index);
      if (this.#string !== undefined) {
        // Plain characters are appended a run at a time.
        stringStop.lastIndex = index;
        const end = stringStop.exec(text)?.index ?? length;
        this.#string += text.slice(index, end);
        index = end;
        if (text[end] === "\\") {
          // A whole escape sequence, `\x` or `\uXXXX`; one cut short waits for the next snapshot.
          const escapeEnd = end + (text[end + 1] === "u" ? unicodeEscapeLength : shortEscapeLength);
          if (escapeEnd > length) {
            this.#unparsed = text.slice(end);
            break;
          }
          // An invalid escape adds nothing; `final()` rejects it.
          this.#string += (parseJSON(`"${text.slice(end, escapeEnd)}"`) as string | undefined) ?? "";
          index = escapeEnd - 1;
        } else if (end < length) {
          if (this.#inKey()) this.#slot = this.#string;
          else this.#assign(this.#string);
          this.#string = undefined;
        }
        continue;
      }
      if (!'{[]}",: \t\n\r'.includes(char)) {
        // A number or literal character: its value is known once a delimiter ends it.
        this.#scalar += char;
        continue;
      }
      if (this.#scalar) {
        this.#assignScalar();
        this.#scalar = "";
      }
      if (char === '"') {
        this.#string = "";
      } else if (char === "}" || char === "]") {
        this.#stack.pop();
      } else if ("{[,".includes(char)) {
        if (char !== ",") {
          const container = char === "{" ? {} : [];
          this.#assign(container);
          this.#stack.push(container);
        }
        // What comes next: in an array, a value at its end; in an object, a key.
        const top = this.#stack.at(-1);
        this.#slot = Array.isArray(top) ? top.length : undefined;
      }
    }
    if (this.#string !== undefined && !this.#inKey()) this.#assign(this.#string);
    else if (this.#scalar) this.#assignScalar();
    return this.#root;
  }

  /**
   * Whether the string being read is a key: in an object, where no key was read since `{` or `,` (in
   * an array the slot is an index, and at the top level there is none).
   */
  #inKey(): boolean {
    return this.#stack.length > 0 && this.#slot === undefined;
  }

  /** Stores the number or literal read so far if it parses (a prefix such as `-` or `tr` does not). */
  #assignScalar(): void {
    const value = parseJSON(this.#scalar);
    if (value !== undefined) this.#assign(value);
  }

  #assign(value: unknown): void {
    const top = this.#stack.at(-1);
    const slot = this.#slot;
    if (!top) {
      this.#root = value;
    } else if (slot !== undefined) {
      // An own property even for `__proto__`, as JSON.parse makes, rather than a prototype change.
      Object.defineProperty(top, slot, { value, writable: true, enumerable: true, configurable: true });
    }
  }
}
