/**
 * Secrets and the browser guard: the API key (or auth token) never reaches a log line at any level,
 * an error message, `String(error)`, `JSON.stringify(error)` or `util.inspect(error)`, on the success,
 * retry, error and connection-failure paths; construction in a browser-like global scope needs the
 * explicit opt-in, which then sends the direct-browser-access header.
 */
import { inspect } from "node:util";
import Anthropic, { AnthropicError, type APIError, type Logger } from "@colloquy/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { failure } from "../helpers/promises.js";
import { type FaultServer, refusedPort, type Script, startFaultServer } from "./fault-server.js";
import {
  errorBody,
  htmlPage,
  jsonHeaders,
  params,
  sseFrames,
  sseHeaders,
  textEvents,
  textMessage,
} from "./wire.js";

const apiKey = "sk-ant-api03-TOPSECRETkeyMaterial_0123456789abcdefABCDEF-xyzAA";
const authToken = "sk-ant-oat01-TOPSECRETtokenMaterial_9876543210zyxwvu";
/** The part of each secret that must never be printed (a 4-character prefix after `sk-ant-` may be). */
const secretParts = [
  "TOPSECRETkeyMaterial",
  "TOPSECRETtokenMaterial",
  "0123456789abcdefABCDEF",
  "9876543210zyxwvu",
];

const servers: FaultServer[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(script: Script): Promise<FaultServer> {
  const server = await startFaultServer(script);
  servers.push(server);
  return server;
}

/** A logger that keeps every argument of every call, rendered as the console would print it. */
function capturingLogger() {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (message: string, ...details: unknown[]) => {
      lines.push(`${level} ${message} ${details.map((detail) => inspect(detail, { depth: 10 })).join(" ")}`);
    };
  const logger: Logger = {
    debug: record("debug"),
    info: record("info"),
    warn: record("warn"),
    error: record("error"),
  };
  return { logger, lines };
}

function expectNoSecret(text: string, where: string): void {
  for (const part of secretParts) expect(text, `${where} leaks ${part}`).not.toContain(part);
}

/** Every rendering of an error a user might print or send to a log service. */
function renderings(error: unknown): Record<string, string> {
  const asError = error as Error;
  return {
    message: asError.message,
    string: String(error),
    json: JSON.stringify(error),
    inspect: inspect(error, { depth: 10 }),
    stack: asError.stack ?? "",
  };
}

const credentials = [
  { name: "an API key", options: { apiKey, authToken: null } },
  { name: "an auth token", options: { apiKey: null, authToken } },
] as const;

describe.each(credentials)("secrets, with $name", ({ options }) => {
  const makeClient = (
    baseURL: string,
    logger: Logger,
    extra: Partial<ConstructorParameters<typeof Anthropic>[0]> = {},
  ) => new Anthropic({ ...options, baseURL, logger, logLevel: "debug", maxRetries: 1, ...extra });

  it("logs requests at debug level without the secret, on success, retry and stream paths", async () => {
    const server = await serve([
      {
        kind: "respond",
        status: 529,
        headers: { ...jsonHeaders, "retry-after-ms": "5" },
        body: errorBody("overloaded_error", "Overloaded"),
      },
      { kind: "respond", status: 200, headers: jsonHeaders, body: JSON.stringify(textMessage("hi")) },
      { kind: "respond", status: 200, headers: sseHeaders, chunks: sseFrames(textEvents("streamed hi")) },
    ]);
    const { logger, lines } = capturingLogger();
    const client = makeClient(server.url, logger);
    await client.messages.create(params);
    expect(await client.messages.stream(params).finalText()).toBe("streamed hi");
    // The secret did reach the server, so the logs had something to leak.
    const sent = server.requests[0]!.headers;
    expect(`${sent["x-api-key"] ?? ""}${sent.authorization ?? ""}`).toContain(
      secretParts[options.apiKey ? 0 : 1],
    );
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.some((line) => line.includes("Retrying"))).toBe(true);
    expectNoSecret(lines.join("\n"), "the debug log");
  });

  it("keeps the secret out of logs and every rendering of an API error, even when the server echoes it", async () => {
    const echoed = errorBody("authentication_error", `invalid x-api-key: ${apiKey} (token ${authToken})`);
    const server = await serve(() => ({
      kind: "respond",
      status: 401,
      headers: jsonHeaders,
      body: echoed,
    }));
    const { logger, lines } = capturingLogger();
    const error = await failure(makeClient(server.url, logger).messages.create(params));
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    for (const [how, text] of Object.entries(renderings(error))) expectNoSecret(text, `the error's ${how}`);
    expectNoSecret(inspect((error as APIError).error, { depth: 10 }), "the error body");
    expectNoSecret(lines.join("\n"), "the log");
  });

  it("keeps the secret out of an HTML error page that echoes it", async () => {
    const server = await serve(() =>
      htmlPage(400, `<html>bad request with x-api-key=${apiKey} authorization: Bearer ${authToken}</html>`),
    );
    const { logger, lines } = capturingLogger();
    const error = await failure(makeClient(server.url, logger).messages.create(params));
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    for (const [how, text] of Object.entries(renderings(error))) expectNoSecret(text, `the error's ${how}`);
    expectNoSecret(lines.join("\n"), "the log");
  });

  it("keeps the secret out of logs and errors when the connection fails", async () => {
    const port = await refusedPort();
    const { logger, lines } = capturingLogger();
    const error = await failure(
      makeClient(`http://127.0.0.1:${port}`, logger, { maxRetries: 1 }).messages.create(params),
    );
    expect(error).toBeInstanceOf(Anthropic.APIConnectionError);
    for (const [how, text] of Object.entries(renderings(error))) expectNoSecret(text, `the error's ${how}`);
    expect(lines.length).toBeGreaterThan(0);
    expectNoSecret(lines.join("\n"), "the log");
  });

  it("keeps the secret out of a stream's error event and its renderings", async () => {
    const frames = sseFrames(textEvents("partial answer here"));
    const errorFrame = `event: error\ndata: ${errorBody("overloaded_error", `Overloaded for ${apiKey}`)}\n\n`;
    const server = await serve([
      { kind: "respond", status: 200, headers: sseHeaders, chunks: [...frames.slice(0, 4), errorFrame] },
    ]);
    const { logger, lines } = capturingLogger();
    const error = await failure(makeClient(server.url, logger).messages.stream(params).finalMessage());
    expect(error).toBeInstanceOf(Anthropic.OverloadedError);
    for (const [how, text] of Object.entries(renderings(error))) expectNoSecret(text, `the error's ${how}`);
    expectNoSecret(lines.join("\n"), "the log");
  });
});

describe("log levels", () => {
  it.each(["debug", "info", "warn", "error"] as const)(
    "never passes the key to the logger at level %s",
    async (logLevel) => {
      const server = await serve([
        {
          kind: "respond",
          status: 500,
          headers: { ...jsonHeaders, "retry-after-ms": "5" },
          body: errorBody("api_error", `boom ${apiKey}`),
        },
        {
          kind: "respond",
          status: 500,
          headers: { ...jsonHeaders, "retry-after-ms": "5" },
          body: errorBody("api_error", `boom ${apiKey}`),
        },
      ]);
      const { logger, lines } = capturingLogger();
      const client = new Anthropic({ apiKey, baseURL: server.url, logger, logLevel, maxRetries: 1 });
      const error = await failure(client.messages.create(params));
      expect(error).toBeInstanceOf(Anthropic.InternalServerError);
      expectNoSecret(lines.join("\n"), `the ${logLevel} log`);
      if (logLevel === "debug") expect(lines.length).toBeGreaterThan(0);
    },
  );

  it("masks the client's own key in logs even when it does not look like an Anthropic key", async () => {
    const customKey = "proxy-key-Zq9W3xYv7TsUu1";
    const server = await serve([
      { kind: "respond", status: 200, headers: jsonHeaders, body: JSON.stringify(textMessage("ok")) },
    ]);
    const { logger, lines } = capturingLogger();
    const client = new Anthropic({ apiKey: customKey, baseURL: server.url, logger, logLevel: "debug" });
    client.logger.debug(`about to use ${customKey}`, { nested: { note: customKey } });
    await client.messages.create(params);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("\n")).not.toContain(customKey);
  });
});

describe("the browser guard", () => {
  const stubBrowser = () => {
    vi.stubGlobal("window", { document: {} });
    vi.stubGlobal("navigator", { userAgent: "Mozilla/5.0 (test)" });
  };

  it("refuses to construct in a page without dangerouslyAllowBrowser", () => {
    stubBrowser();
    expect(() => new Anthropic({ apiKey })).toThrow(AnthropicError);
    expect(() => new Anthropic({ apiKey })).toThrow(/dangerouslyAllowBrowser/);
  });

  it("refuses to construct in a web worker without dangerouslyAllowBrowser", () => {
    vi.stubGlobal("importScripts", () => {});
    vi.stubGlobal("navigator", { userAgent: "Mozilla/5.0 (worker)" });
    expect(() => new Anthropic({ apiKey })).toThrow(AnthropicError);
  });

  it("does not mention the key in the refusal", () => {
    stubBrowser();
    try {
      new Anthropic({ apiKey });
      throw new Error("expected the guard to throw");
    } catch (error) {
      for (const [how, text] of Object.entries(renderings(error)))
        expectNoSecret(text, `the refusal's ${how}`);
    }
  });

  it("with the opt-in, constructs and sends anthropic-dangerous-direct-browser-access: true", async () => {
    const server = await serve([
      { kind: "respond", status: 200, headers: jsonHeaders, body: JSON.stringify(textMessage("ok")) },
    ]);
    stubBrowser();
    const client = new Anthropic({ apiKey, baseURL: server.url, dangerouslyAllowBrowser: true });
    await client.messages.create(params);
    expect(server.requests[0]!.headers["anthropic-dangerous-direct-browser-access"]).toBe("true");
  });

  it("does not send the direct-browser-access header from a server", async () => {
    const server = await serve([
      { kind: "respond", status: 200, headers: jsonHeaders, body: JSON.stringify(textMessage("ok")) },
    ]);
    await new Anthropic({ apiKey, baseURL: server.url }).messages.create(params);
    expect(server.requests[0]!.headers["anthropic-dangerous-direct-browser-access"]).toBeUndefined();
  });

  it("treats Deno as a server even though it has window-like globals", () => {
    stubBrowser();
    vi.stubGlobal("Deno", { env: { get: () => undefined } });
    expect(() => new Anthropic({ apiKey })).not.toThrow();
  });
});
