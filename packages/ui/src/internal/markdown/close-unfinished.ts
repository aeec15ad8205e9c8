import { closesFence, openingFence } from "./fence.js";

/**
 * Closes inline syntax a streaming reply has opened but not yet closed (`**bold`, `` `code``,
 * `~~gone`, `_em`) and hides a half-written link target, so the tail renders as it will once
 * complete instead of flashing raw markers. Open code fences need nothing: the block parser ends
 * them at the end of input. Linear in the length of the text: it runs on every frame of a stream.
 */
export function closeUnfinished(source: string): string {
  const lines = source.split("\n");
  let fence: string | null = null;
  // The first line of the prose after the last fence: only there can inline syntax be unfinished.
  let tailStart = 0;
  lines.forEach((line, index) => {
    if (fence !== null) {
      if (closesFence(line, fence)) {
        fence = null;
        tailStart = index + 1;
      }
      return;
    }
    const opening = openingFence(line);
    if (opening) fence = opening.marker;
  });
  if (fence !== null || tailStart >= lines.length) return source;
  const head = lines.slice(0, tailStart).join("\n");
  const tail = closeInline(lines.slice(tailStart).join("\n"));
  return tailStart === 0 ? tail : `${head}\n${tail}`;
}

const listMarker = / *[-*+] /y;

function closeInline(text: string): string {
  let result = hideUnfinishedLink(text);
  const stack: string[] = [];
  let index = 0;
  let inCode: string | null = null;
  while (index < result.length) {
    const char = result[index]!;
    if (inCode !== null) {
      if (result.startsWith(inCode, index) && result[index + inCode.length] !== "`") {
        index += inCode.length;
        inCode = null;
      } else index += 1;
      continue;
    }
    if (char === "\\") {
      index += 2;
      continue;
    }
    if (char === "`") {
      let end = index;
      while (result[end] === "`") end += 1;
      inCode = result.slice(index, end);
      index = end;
      continue;
    }
    if (index === 0 || result[index - 1] === "\n") {
      listMarker.lastIndex = index;
      if (listMarker.test(result)) {
        index = listMarker.lastIndex;
        continue;
      }
    }
    const marker = markerAt(result, index);
    if (marker !== null) {
      // Inside a word (`2*3`, `a**b`) a marker is rarely emphasis: closing it would flash italics.
      const opens = startsWord(result[index - 1]);
      if (stack[stack.length - 1] === marker) stack.pop();
      else if (opens && index + marker.length === result.length) {
        // A dangling opener at the very end (`Hello **`) would show as raw markers for a moment.
        result = result.slice(0, index);
        break;
      } else if (opens && !/\s/.test(result[index + marker.length]!)) stack.push(marker);
      index += marker.length;
      continue;
    }
    index += 1;
  }
  if (inCode !== null) {
    if (result.endsWith(inCode)) return result.slice(0, -inCode.length);
    return `${result}${inCode}`;
  }
  if (stack.length === 0) return result;
  return result.trimEnd() + stack.reverse().join("");
}

/** The emphasis marker at `index` (`**`, `__`, `~~`, `*`, or `_` not inside a word), or null. */
function markerAt(text: string, index: number): string | null {
  const pair = text.slice(index, index + 2);
  if (pair === "**" || pair === "__" || pair === "~~") return pair;
  const char = text[index];
  if (char === "*") return "*";
  if (char !== "_") return null;
  const intraword = isWordChar(text[index - 1]) && isWordChar(text[index + 1]);
  return intraword ? null : "_";
}

/** Whether an emphasis opener may follow this character: the start, a space or punctuation. */
function startsWord(before: string | undefined): boolean {
  return before === undefined || !/[\p{L}\p{N}]/u.test(before);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9]/.test(char);
}

/**
 * On the last line, `[label](partial target` shows as `label`, and an `[` with no `]` after it is
 * dropped, so a link being written reads as its text until its target is complete.
 */
function hideUnfinishedLink(text: string): string {
  const lineStart = text.lastIndexOf("\n") + 1;
  const line = text.slice(lineStart);
  const targetStart = line.lastIndexOf("](");
  if (targetStart !== -1 && !line.includes(")", targetStart)) {
    const labelStart = line.lastIndexOf("[", targetStart);
    if (labelStart !== -1 && line.indexOf("]", labelStart) === targetStart) {
      // An image's `!` goes too: it will show as a link labelled by its alt text.
      const before = line[labelStart - 1] === "!" ? labelStart - 1 : labelStart;
      return text.slice(0, lineStart) + line.slice(0, before) + line.slice(labelStart + 1, targetStart);
    }
  }
  const open = line.indexOf("[", line.lastIndexOf("]") + 1);
  if (open === -1) return text;
  return text.slice(0, lineStart) + line.slice(0, open) + line.slice(open + 1);
}
