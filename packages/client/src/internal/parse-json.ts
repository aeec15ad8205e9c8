/** `JSON.parse`, or `undefined` when the text is not valid JSON. */
export function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
