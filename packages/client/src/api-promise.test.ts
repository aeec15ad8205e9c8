import { describe, expect, expectTypeOf, it } from "vitest";
import { errorResponse, jsonResponse, message, params, scriptedClient } from "../test/scripted-fetch.js";
import Anthropic, { APIPromise, BadRequestError, type Page } from "./index.js";

describe("APIPromise", () => {
  it("parses the body once however often it is awaited, caught or finalised", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)]);
    const promise = client.messages.create(params);
    const first = await promise;
    const caught = await promise.catch(() => "failed");
    let finalised = false;
    const fromFinally = await promise.finally(() => {
      finalised = true;
    });
    expect(first).toEqual(message);
    expect(caught).toBe(first);
    expect(fromFinally).toBe(first);
    expect(finalised).toBe(true);
    expect(fetch.requests).toHaveLength(1);
  });

  it("routes a failure through catch and finally, which return plain promises", async () => {
    const { client } = scriptedClient([errorResponse(400, "invalid_request_error", "bad")]);
    const promise = client.messages.create(params);
    const caught = promise.catch((error: unknown) => error);
    expect(caught.constructor).toBe(Promise);
    expect(await caught).toBeInstanceOf(BadRequestError);
    let finalised = false;
    const finalisedPromise = promise.finally(() => {
      finalised = true;
    });
    expect(finalisedPromise.constructor).toBe(Promise);
    await expect(finalisedPromise).rejects.toBeInstanceOf(BadRequestError);
    expect(finalised).toBe(true);
  });

  it("withResponse gives the data, the raw Response and its request-id", async () => {
    const { client } = scriptedClient([jsonResponse(message, 200, { "request-id": "req_42" })]);
    const { data, response, request_id } = await client.messages.create(params).withResponse();
    expect(data).toEqual(message);
    expect(response.status).toBe(200);
    expect(request_id).toBe("req_42");
  });

  it("asResponse leaves the body unread for the caller", async () => {
    const { client } = scriptedClient([jsonResponse(message)]);
    const response = await client.messages.create(params).asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual(message);
  });

  it("withResponse also gives the anthropic-workspace-id header, null when absent", async () => {
    const { client } = scriptedClient([
      jsonResponse(message, 200, { "anthropic-workspace-id": "wrkspc_01" }),
      jsonResponse(message),
    ]);
    expect((await client.messages.create(params).withResponse()).workspace_id).toBe("wrkspc_01");
    expect((await client.messages.create(params).withResponse()).workspace_id).toBeNull();
  });

  describe("the official constructor shape (client, responsePromise, parseResponse?)", () => {
    const client = new Anthropic({ apiKey: "k" });
    const props = (response: Response) => ({
      response,
      controller: new AbortController(),
      options: { method: "get" as const, path: "/v1/things" },
    });

    it("parses like the client when no parser is given, request and workspace ids included", async () => {
      const response = jsonResponse(message, 200, { "anthropic-workspace-id": "wrkspc_02" });
      const data = await new APIPromise<typeof message>(client, Promise.resolve(props(response)));
      expect(data).toEqual(message);
      expect(data).toMatchObject({ _request_id: "req_test", _workspace_id: "wrkspc_02" });
    });

    it("calls a given parser with the client and the response's props", async () => {
      const seen: unknown[] = [];
      const promise = new APIPromise<number>(
        client,
        Promise.resolve(props(jsonResponse({}, 201))),
        (given, p) => {
          seen.push(given);
          return p.response.status;
        },
      );
      expect(await promise).toBe(201);
      expect(await promise).toBe(201);
      expect(seen).toEqual([client]);
      expect(promise).toBeInstanceOf(Promise);
    });
  });

  it("gives _request_id to an unwrapped object result, but not to a page", async () => {
    const client = new Anthropic({ apiKey: "k" });
    const props = {
      response: jsonResponse({ data: { foo: "bar" } }, 200, { "request-id": "req_env" }),
      controller: new AbortController(),
      options: { method: "get" as const, path: "/v1/envelope" },
    };
    const unwrapped = await new APIPromise<{ data: { foo: string } }>(
      client,
      Promise.resolve(props),
    )._thenUnwrap((body) => body.data);
    expect(unwrapped).toEqual({ foo: "bar" });
    expect(unwrapped._request_id).toBe("req_env");
    const { client: lister } = scriptedClient([jsonResponse({ data: [{ id: "m" }], has_more: false })]);
    const page = await lister.models.list();
    expect(page.data).toEqual([{ id: "m" }]);
    expect((page as unknown as { _request_id?: string })._request_id).toBeUndefined();
  });

  it("types the ids on object results only, as the official SDK", () => {
    type Ids = { _request_id?: string | null; _workspace_id?: string | null };
    expectTypeOf<Awaited<APIPromise<{ foo: string }>>>().toEqualTypeOf<{ foo: string } & Ids>();
    expectTypeOf<Awaited<APIPromise<Anthropic.Message>>>().toEqualTypeOf<Anthropic.Message & Ids>();
    expectTypeOf<Awaited<APIPromise<Array<{ foo: string }>>>>().toEqualTypeOf<Array<{ foo: string }>>();
    expectTypeOf<Awaited<APIPromise<string>>>().toEqualTypeOf<string>();
    expectTypeOf<Awaited<APIPromise<null>>>().toEqualTypeOf<null>();
    expectTypeOf<Awaited<APIPromise<Response>>>().toEqualTypeOf<Response>();
    expectTypeOf<Awaited<APIPromise<Page<{ id: string }>>>>().toEqualTypeOf<Page<{ id: string }>>();
  });
});
