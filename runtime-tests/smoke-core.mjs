// The smoke test every runtime runs: `messages.create`, then `messages.stream` of the same request
// (its final text and its `text` deltas must equal the created text), then a 404 that must surface as
// the client's own `NotFoundError` class. It imports nothing: each runtime passes in the client it loaded.

const params = {
  model: "claude-sonnet-4-6",
  max_tokens: 256,
  messages: [{ role: "user", content: "Tell me about runtimes [[mock: words=40]]" }],
};

/**
 * @param {{ default?: unknown, Anthropic?: unknown, NotFoundError?: unknown }} client the loaded module
 * @param {string} baseURL the mock API
 * @param {Record<string, unknown>} [options] extra client options
 * @returns {Promise<string>} a one-line summary; throws on any mismatch
 */
export async function smoke(client, baseURL, options = {}) {
  const Anthropic = client.default ?? client.Anthropic;
  if (typeof Anthropic !== "function") throw new Error("the module has no Anthropic class");
  const anthropic = new Anthropic({ apiKey: "sk-ant-smoke-0000", baseURL, maxRetries: 0, ...options });

  const created = await anthropic.messages.create(params);
  const text = created.content
    .filter((block) => block.type === "text")
    .map((block) => block.text)
    .join("");
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words !== 40)
    throw new Error(`create: expected 40 words, got ${words}: ${JSON.stringify(text.slice(0, 80))}`);

  const stream = anthropic.messages.stream(params);
  let deltas = "";
  let events = 0;
  stream.on("text", (delta) => {
    deltas += delta;
  });
  stream.on("streamEvent", () => {
    events++;
  });
  const finalText = await stream.finalText();
  if (finalText !== text)
    throw new Error(`stream: final text differs from create: ${JSON.stringify(finalText.slice(0, 80))}`);
  if (deltas !== text) throw new Error("stream: the text deltas do not add up to the final text");

  let notFound;
  try {
    await anthropic.models.retrieve("no-such-model");
  } catch (error) {
    notFound = error;
  }
  if (!(notFound instanceof client.NotFoundError) || notFound.status !== 404)
    throw new Error(`models.retrieve: expected NotFoundError, got ${String(notFound)}`);

  return `create + stream equal (${words} words, ${events} events), NotFoundError ok`;
}
