const fenceLine = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Closes inline syntax a streaming reply has opened but not yet closed (`**bold`, `` `code``,
 * `~~gone`, `_em`) and hides a half-written link target, so the tail renders as it will once
 * complete instead of flashing raw markers. Open code fences need nothing: the block parser ends
 * them at the end of input.
 */
export function closeUnfinished(source: string): string {
  const lines = source.split("\n");
  let fence: string | null = null;
  const prose: number[] = [];
  lines.forEach((line, index) => {
    const match = fenceLine.exec(line);
    if (fence !== null) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, "") === "") fence = null;
      return;
    }
    if (match) {
      fence = match[1]!;
      return;
    }
    prose.push(index);
  });
  if (fence !== null) return source;
  // Only the trailing prose (after the last fence) can hold unfinished inline syntax.
  const lastProse = prose[prose.length - 1];
  if (lastProse === undefined) return source;
  let firstTail = lastProse;
  while (firstTail > 0 && prose.includes(firstTail - 1)) firstTail -= 1;
  const head = lines.slice(0, firstTail).join("\n");
  const tail = closeInline(lines.slice(firstTail).join("\n"));
  return firstTail === 0 ? tail : `${head}\n${tail}`;
}

function closeInline(text: string): string {
  let result = text.replace(/\[([^\]\n]*)\]\([^)\n]*$/, "$1").replace(/\[([^\]\n]*)$/, "$1");
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
      const run = /^`+/.exec(result.slice(index))![0];
      inCode = run;
      index += run.length;
      continue;
    }
    const atLineStart = index === 0 || result[index - 1] === "\n";
    if (atLineStart && /^ *[-*+] /.test(result.slice(index))) {
      index += /^ *[-*+] /.exec(result.slice(index))![0].length;
      continue;
    }
    let marker: string | null = null;
    if (result.startsWith("**", index) || result.startsWith("__", index) || result.startsWith("~~", index)) {
      marker = result.slice(index, index + 2);
    } else if (char === "*") marker = "*";
    else if (char === "_") {
      const before = result[index - 1];
      const after = result[index + 1];
      const intraword =
        before !== undefined &&
        /[A-Za-z0-9]/.test(before) &&
        after !== undefined &&
        /[A-Za-z0-9]/.test(after);
      if (!intraword) marker = "_";
    }
    if (marker !== null) {
      if (stack[stack.length - 1] === marker) stack.pop();
      else if (index + marker.length === result.length) {
        // A dangling opener at the very end (`Hello **`) would show as raw markers for a moment.
        result = result.slice(0, index);
        break;
      } else if (result[index + marker.length] !== undefined && !/\s/.test(result[index + marker.length]!))
        stack.push(marker);
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
  result = result.replace(/\s+$/, "");
  return result + stack.reverse().join("");
}
