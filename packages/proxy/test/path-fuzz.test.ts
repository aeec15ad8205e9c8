// Fuzz: whatever path a browser (or an attacker) sends — dot segments, encoded dots and slashes,
// backslashes, doubled slashes, absolute URLs in the path — the proxy forwards only to its upstream
// host and only to a route of its allow-list.
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnthropicProxy } from "../src/create-anthropic-proxy.js";
import { toNodeMiddleware } from "../src/node.js";
import { ALL_ROUTES, type ProxyRoute } from "../src/routes.js";

const UPSTREAM = "https://upstream.test/base";
const PREFIX = "/api/anthropic";

/** The oracle, written apart from the proxy's own route table: the paths each route group may reach. */
function allowedUpstreamPath(path: string, routes: readonly ProxyRoute[]): boolean {
  const id = "[A-Za-z0-9][A-Za-z0-9_.:-]*";
  return (
    (routes.includes("messages") && path === "/v1/messages") ||
    (routes.includes("count_tokens") && path === "/v1/messages/count_tokens") ||
    (routes.includes("models") && new RegExp(`^/v1/models(/${id})?$`).test(path)) ||
    (routes.includes("batches") &&
      new RegExp(`^/v1/messages/batches(/${id}(/cancel|/results)?)?$`).test(path))
  );
}

/** Checks one upstream URL: same host, under the base path, an allowed route, no dot or escape tricks. */
function expectSafe(url: string, routes: readonly ProxyRoute[]) {
  const parsed = new URL(url);
  expect(parsed.origin).toBe("https://upstream.test");
  expect(parsed.pathname.startsWith("/base/v1/")).toBe(true);
  const path = parsed.pathname.slice("/base".length);
  expect(allowedUpstreamPath(path, routes), path).toBe(true);
  expect(path).not.toMatch(/%|\\|\/\/|\/\.\.?(\/|$)/);
}

const pieces = [
  "v1",
  "messages",
  "models",
  "batches",
  "count_tokens",
  "results",
  "cancel",
  "files",
  "admin",
  "claude-sonnet-4-6",
  "msgbatch_01",
  "api",
  "anthropic",
  "..",
  ".",
  "%2e%2e",
  "%2E%2E",
  ".%2e",
  "%2e",
  "%2F",
  "%2f",
  "%5C",
  "%252e%252e",
  "\\",
  "\\..\\",
  "//",
  "evil.example",
  "//evil.example",
  "http://evil.example",
  "https:",
  "@evil.example",
  "..;",
  ";",
  "%00",
  "?x=1",
  "#frag",
];

/** A path built from tricky pieces, under the prefix or not. */
const piecesArbitrary = fc
  .tuple(
    fc.constantFrom(PREFIX, `${PREFIX}/`, "", "/api", `${PREFIX}/..`),
    fc.array(fc.tuple(fc.constantFrom("/", "", "//", "\\"), fc.constantFrom(...pieces)), {
      minLength: 1,
      maxLength: 7,
    }),
  )
  .map(([start, parts]) => start + parts.map(([separator, piece]) => separator + piece).join(""));

const apiCalls: ReadonlyArray<[method: string, path: string]> = [
  ["POST", "/v1/messages"],
  ["POST", "/v1/messages/count_tokens"],
  ["GET", "/v1/models"],
  ["GET", "/v1/models/claude-sonnet-4-6"],
  ["POST", "/v1/messages/batches"],
  ["GET", "/v1/messages/batches/msgbatch_01"],
  ["POST", "/v1/messages/batches/msgbatch_01/cancel"],
  ["GET", "/v1/messages/batches/msgbatch_01/results"],
];

const methodArbitrary = fc.constantFrom("GET", "POST", "DELETE", "PUT", "PATCH");

/** A real API call under the prefix, with zero to two tricky pieces spliced in between its segments. */
const splicedArbitrary = fc
  .tuple(
    fc.constantFrom(...apiCalls),
    fc.array(fc.tuple(fc.nat(6), fc.constantFrom(...pieces)), { maxLength: 2 }),
  )
  .map(([[method, path], insertions]): [string, string] => {
    const segments = path.split("/").slice(1);
    for (const [position, piece] of insertions)
      segments.splice(Math.min(position, segments.length), 0, piece);
    return [method, `${PREFIX}/${segments.join("/")}`];
  });

/** A method and a path: tricky pieces at random, or a real call with tricks spliced in. */
const callArbitrary = fc.oneof(fc.tuple(methodArbitrary, piecesArbitrary), splicedArbitrary);
const routesArbitrary = fc.subarray([...ALL_ROUTES], { minLength: 1 });

function recordingProxy(routes: readonly ProxyRoute[]) {
  const forwarded: string[] = [];
  const proxy = createAnthropicProxy({
    apiKey: "sk-ant-server",
    baseURL: UPSTREAM,
    prefix: PREFIX,
    routes,
    allowAnonymous: true,
    fetch: async (input) => {
      forwarded.push(String(input));
      return new Response("{}", { headers: { "content-type": "application/json" } });
    },
  });
  return { proxy, forwarded };
}

describe("path fuzz", () => {
  it("forwards only allowed routes to the upstream host, whatever the path (fetch handler)", async () => {
    let forwardedInAll = 0;
    await fc.assert(
      fc.asyncProperty(
        routesArbitrary,
        callArbitrary,
        fc.constantFrom("http://proxy.test", "http://evil.example"),
        async (routes, [method, path], origin) => {
          const { proxy, forwarded } = recordingProxy(routes);
          let request: Request;
          try {
            request = new Request(`${origin}${path}`, { method, body: method === "GET" ? undefined : "{}" });
          } catch {
            return; // not a URL at all: no request can carry it
          }
          const response = await proxy(request);
          if (forwarded.length === 0) expect([403, 404]).toContain(response.status);
          for (const url of forwarded) expectSafe(url, routes);
          forwardedInAll += forwarded.length;
        },
      ),
      { numRuns: 600 },
    );
    // Enough runs reached upstream for the property to mean something.
    expect(forwardedInAll).toBeGreaterThan(20);
  });

  it("forwards a path written the API's way, so the fuzz above is not vacuous", async () => {
    const { proxy, forwarded } = recordingProxy(ALL_ROUTES);
    await proxy(new Request(`http://proxy.test${PREFIX}/v1/messages/batches/msgbatch_01/results?beta=true`));
    expect(forwarded).toEqual([
      "https://upstream.test/base/v1/messages/batches/msgbatch_01/results?beta=true",
    ]);
  });

  describe("raw request targets through node:http (no client-side URL normalization)", () => {
    const routes: ProxyRoute[] = ["messages", "models"];
    const { proxy, forwarded } = recordingProxy(routes);
    let port = 0;
    const server = createServer(toNodeMiddleware(proxy));
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    /** Sends the request target byte for byte; `undefined` when Node refuses to send such a path. */
    function send(method: string, path: string): Promise<number | undefined> {
      return new Promise((resolve) => {
        let outgoing: ReturnType<typeof httpRequest>;
        try {
          outgoing = httpRequest({ host: "127.0.0.1", port, method, path, agent: false }, (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode));
          });
        } catch {
          resolve(undefined);
          return;
        }
        outgoing.on("error", () => resolve(undefined));
        outgoing.end(method === "GET" ? undefined : "{}");
      });
    }

    it("forwards only allowed routes to the upstream host", async () => {
      await fc.assert(
        fc.asyncProperty(callArbitrary, async ([method, path]) => {
          const before = forwarded.length;
          const status = await send(method, path);
          if (status === undefined) return;
          if (forwarded.length === before) expect([400, 403, 404]).toContain(status);
          for (const url of forwarded.slice(before)) expectSafe(url, routes);
        }),
        { numRuns: 150 },
      );
      expect(forwarded.length).toBeGreaterThan(5);
      // Absolute-form targets name another host in the request line itself.
      for (const target of ["http://evil.example/v1/messages", `http://evil.example${PREFIX}/v1/messages`]) {
        const before = forwarded.length;
        await send("POST", target);
        for (const url of forwarded.slice(before)) expectSafe(url, routes);
      }
    });
  });
});
