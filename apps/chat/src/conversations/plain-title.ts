/**
 * Plain text for a title from one line of markdown: the markers go and what they mark stays. Emphasis
 * (`**`, `*`, `__`, `_`, `~~`), code ticks, links and images (their text), autolinks (the address), a
 * heading's `#`, a quote's `>` and a list bullet are removed, and backslash escapes give their character.
 * Mock directives (`[[mock: …]]`) are dropped entirely.
 */
export function plainTitleText(line: string): string {
  // Code and escaped characters are set aside first, so no marker is looked for inside them.
  const setAside: string[] = [];
  const keep = (text: string) => `\uE000${setAside.push(text) - 1}\uE001`;
  let text = line
    .replace(/\[\[mock:[^\]]*\]\]/g, "")
    .replace(/(`+)(.+?)\1(?!`)/g, (_match, _ticks: string, code: string) => keep(code.trim() || code))
    .replace(/\\([!-/:-@[-`{-~])/g, (_match, character: string) => keep(character))
    // Line markers: quote, heading (and its closing #s), list bullet.
    .replace(/^\s*(?:>\s*)+/, "")
    .replace(/^\s*#{1,6}(?:\s+|$)/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/^\s*[-*+]\s+/, "")
    // Images and links keep their text; reference links too; autolinks keep the address.
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/!?\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/!?\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<((?:https?:|mailto:)[^>\s]+)>/g, "$1");
  // Emphasis can nest (`***both***`): strip until nothing changes.
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text
      .replace(/(\*\*|~~)(?=\S)(.+?)(?<=\S)\1/g, "$2")
      .replace(/\*(?=[^\s*])(.+?)(?<=[^\s*])\*/g, "$1")
      // `_` and `__` emphasis only at word boundaries, so snake_case names stay whole.
      .replace(/(?<![\p{L}\p{N}_])(__?)(?=[^\s_])(.+?)(?<=[^\s_])\1(?![\p{L}\p{N}_])/gu, "$2");
  }
  return text
    .replace(/\uE000(\d+)\uE001/g, (_match, index: string) => setAside[Number(index)] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}
