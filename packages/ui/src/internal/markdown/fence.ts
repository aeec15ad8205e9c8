/**
 * The one code-fence rule of the block parser, the chunk splitter and the streaming closer: a line of
 * three or more backticks or tildes (up to three spaces in), then the info string's first word.
 */
const fenceOpen = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;

/** An opening fence line: its marker (the run of backticks or tildes) and the language it names. */
export interface FenceOpening {
  marker: string;
  language: string;
}

/** Reads a line as an opening code fence, or returns null. A backtick fence's info may hold no backtick. */
export function openingFence(line: string): FenceOpening | null {
  const match = fenceOpen.exec(line);
  if (match === null) return null;
  const marker = match[1]!;
  if (marker[0] === "`" && line.indexOf("`", match.index + match[0].length) !== -1) return null;
  return { marker, language: match[2] ?? "" };
}

/** Whether `line` closes a fence opened by `marker`: the same character, at least as many, nothing else. */
export function closesFence(line: string, marker: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < marker.length || line.length - line.trimStart().length > 3) return false;
  for (const char of trimmed) if (char !== marker[0]) return false;
  return true;
}
