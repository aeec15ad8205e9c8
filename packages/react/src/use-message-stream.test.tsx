import { messageText, OverloadedError, RateLimitError } from "@colloquy/client";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { Profiler } from "react";
import { describe, expect, test, vi } from "vitest";
import {
  createTestClient,
  MODEL,
  messageRequests,
  observeMockConnections,
  renderHookStrict,
  renderStrict,
  startMockServer,
} from "../test/harness.js";
import { messageEnd, messageStart, scriptedStreamClient, textBlock } from "../test/scripted-stream.js";
import { expectOneRequestToFinish, useStartOnceOnMount } from "../test/start-once.js";
import type { Message, MessageStreamParams } from "./internal/types.js";
import { type UseMessageStreamOptions, useMessageStream } from "./use-message-stream.js";

const server = startMockServer();

const ask = (text: string, maxTokens = 4096): MessageStreamParams => ({
  model: MODEL,
  max_tokens: maxTokens,
  messages: [{ role: "user", content: text }],
});

function Streamer({
  params,
  onRender,
  options,
}: {
  params: MessageStreamParams;
  onRender?: (text: string, status: string) => void;
  options?: UseMessageStreamOptions;
}) {
  const stream = useMessageStream(options);
  onRender?.(stream.text, stream.status);
  return (
    <div>
      <button type="button" onClick={() => void stream.send(params)}>
        send
      </button>
      <button type="button" onClick={stream.stop}>
        stop
      </button>
      <output data-testid="status">{stream.status}</output>
      <output data-testid="error">{stream.error ? stream.error.constructor.name : "none"}</output>
      <p data-testid="text">{stream.text}</p>
    </div>
  );
}

/** The usual "start once on mount" pattern: a mount effect guarded by a ref. */
function StartOnceOnMount({ params }: { params: MessageStreamParams }) {
  const stream = useMessageStream();
  useStartOnceOnMount(() => void stream.send(params));
  return <output data-testid="status">{stream.status}</output>;
}

describe("useMessageStream", () => {
  test("shows the text progressively and ends with the mock's message", async () => {
    const { client } = createTestClient();
    const params = ask("Tell me a story [[mock: words=120 slow=3]]");
    const seen: Array<{ text: string; status: string }> = [];
    let finished: Message | null = null;
    renderStrict(
      <Streamer
        params={params}
        onRender={(text, status) => seen.push({ text, status })}
        options={{ onFinish: (message) => (finished = message) }}
      />,
      client,
    );

    fireEvent.click(screen.getByText("send"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("done"), { timeout: 5000 });

    // The mock's message as the client received it (the mock varies its reply to a repeated request).
    expect(finished).not.toBeNull();
    const expectedText = messageText(finished as unknown as Message);
    expect(expectedText.split(" ").length).toBeGreaterThan(60);
    expect(screen.getByTestId("text").textContent).toBe(expectedText);
    const partial = seen.filter(
      (entry) =>
        entry.status === "streaming" && entry.text.length > 0 && entry.text.length < expectedText.length,
    );
    expect(partial.length).toBeGreaterThan(1);
    expect(seen.map((entry) => entry.status)).toContain("connecting");
  });

  test("returns the final message, usage and stop reason from send", async () => {
    const { client } = createTestClient();
    const { result } = renderHookStrict(() => useMessageStream(), client);
    let outcome: Awaited<ReturnType<typeof result.current.send>> | undefined;
    await act(async () => {
      outcome = await result.current.send(ask("Hello [[mock: words=12]]"));
    });
    expect(outcome?.status).toBe("done");
    expect(result.current.message).toEqual(outcome?.status === "done" ? outcome.message : null);
    expect(result.current.stopReason).toBe("end_turn");
    expect(result.current.usage?.output_tokens).toBeGreaterThan(0);
    expect(result.current.firstTokenMs).not.toBeNull();
  });

  test("stop() aborts the request, the mock sees the connection close, and status is aborted with no error", async () => {
    const { client, requests } = createTestClient();
    const mockSignals = observeMockConnections(server);
    renderStrict(<Streamer params={ask("Go on [[mock: words=400 slow=20]]")} />, client);
    fireEvent.click(screen.getByText("send"));
    await waitFor(() => expect(screen.getByTestId("text").textContent?.length).toBeGreaterThan(0), {
      timeout: 5000,
    });

    fireEvent.click(screen.getByText("stop"));

    expect(screen.getByTestId("status").textContent).toBe("aborted");
    expect(screen.getByTestId("error").textContent).toBe("none");
    expect(messageRequests(requests)).toHaveLength(1);
    expect(messageRequests(requests)[0]?.signal.aborted).toBe(true);
    await waitFor(() => expect(mockSignals[0]?.aborted).toBe(true));
    const textAtStop = screen.getByTestId("text").textContent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByTestId("text").textContent).toBe(textAtStop);
  });

  test("unmounting mid-stream aborts the request", async () => {
    const { client, requests } = createTestClient();
    const mockSignals = observeMockConnections(server);
    const view = renderStrict(<Streamer params={ask("Go on [[mock: words=400 slow=20]]")} />, client);
    fireEvent.click(screen.getByText("send"));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("streaming"), {
      timeout: 5000,
    });

    view.unmount();

    // The stop waits one microtask, in case the unmount was only StrictMode's re-run of effects.
    await waitFor(() => expect(messageRequests(requests)[0]?.signal.aborted).toBe(true));
    await waitFor(() => expect(mockSignals[0]?.aborted).toBe(true));
  });

  test("a stream started once from a mount effect survives StrictMode's re-run of effects", async () => {
    await expectOneRequestToFinish(<StartOnceOnMount params={ask("Hello [[mock: words=40 slow=2]]")} />);
  });

  test("a real unmount right after a start on mount still aborts the request", async () => {
    const { client, requests } = createTestClient();
    const view = renderStrict(<StartOnceOnMount params={ask("Go on [[mock: words=400 slow=20]]")} />, client);
    await waitFor(() => expect(messageRequests(requests)).toHaveLength(1));
    view.unmount();
    await waitFor(() => expect(messageRequests(requests)[0]?.signal.aborted).toBe(true));
  });

  test("a second send aborts the first and shows only the second reply", async () => {
    const { client, requests } = createTestClient();
    const { result } = renderHookStrict(() => useMessageStream(), client);
    let first: Promise<unknown> | undefined;
    act(() => {
      first = result.current.send(ask("First [[mock: words=400 slow=20]]"));
    });
    await waitFor(() => expect(result.current.status).toBe("streaming"), { timeout: 5000 });

    let second: Awaited<ReturnType<typeof result.current.send>> | undefined;
    await act(async () => {
      second = await result.current.send(ask('Second [[mock: reply="only this"]]'));
    });

    await expect(first).resolves.toMatchObject({ status: "aborted" });
    expect(second?.status).toBe("done");
    expect(result.current.text).toBe("only this");
    expect(messageRequests(requests)[0]?.signal.aborted).toBe(true);
    expect(messageRequests(requests)[1]?.signal.aborted).toBe(false);
  });

  test("a 429 that persists through the retries reaches error as a RateLimitError", async () => {
    const { client, requests } = createTestClient({ maxRetries: 1 });
    const onError = vi.fn();
    const { result } = renderHookStrict(() => useMessageStream({ onError }), client);
    await act(async () => {
      await result.current.send(ask("Hi [[mock: error=429 retry-after-ms=1]]"));
    });
    expect(result.current.status).toBe("error");
    expect(result.current.error).toBeInstanceOf(RateLimitError);
    expect(messageRequests(requests)).toHaveLength(2);
    expect(onError).toHaveBeenCalledOnce();
  });

  test("a 529 reaches error as an OverloadedError", async () => {
    const { client } = createTestClient({ maxRetries: 0 });
    const { result } = renderHookStrict(() => useMessageStream(), client);
    await act(async () => {
      await result.current.send(ask("Hi [[mock: error=529]]"));
    });
    expect(result.current.status).toBe("error");
    expect(result.current.error).toBeInstanceOf(OverloadedError);
  });

  test("an error event mid-stream reaches error and keeps the partial message", async () => {
    const { client } = createTestClient();
    const { result } = renderHookStrict(() => useMessageStream(), client);
    await act(async () => {
      await result.current.send(ask("Hi [[mock: words=60 stream-error=overloaded_error after=8]]"));
    });
    expect(result.current.status).toBe("error");
    expect(result.current.error).toBeInstanceOf(OverloadedError);
    expect(result.current.text.length).toBeGreaterThan(0);
    expect(result.current.message?.content[0]?.type).toBe("text");
  });

  test("renders far fewer times than there are deltas when deltas arrive faster than frames", async () => {
    const { client } = createTestClient();
    let renders = 0;
    let deltas = 0;
    const { result } = renderHookStrict(() => {
      renders++;
      return useMessageStream({ onText: () => deltas++ });
    }, client);
    act(() => {
      void result.current.send(ask("Long [[mock: words=3000]]", 16_000));
    });
    await waitFor(() => expect(result.current.status).toBe("done"), { timeout: 5000 });
    expect(result.current.status).toBe("done");
    expect(deltas).toBeGreaterThan(500);
    expect(renders).toBeLessThan(deltas / 10);
  });

  test("tool input is a partial object while it streams", async () => {
    const { client } = createTestClient();
    const inputs: unknown[] = [];
    const { result } = renderHookStrict(() => {
      const stream = useMessageStream({ throttleMs: 0 });
      const block = stream.message?.content.find((item) => item.type === "tool_use");
      if (stream.status === "streaming" && block && block.type === "tool_use") inputs.push(block.input);
      return stream;
    }, client);
    act(() => {
      void result.current.send({
        ...ask("Weather? [[mock: tool=get_weather slow=5]]"),
        tools: [
          {
            name: "get_weather",
            description: "Weather for a city",
            input_schema: {
              type: "object",
              properties: {
                city: { type: "string" },
                unit: { type: "string", enum: ["celsius", "fahrenheit"] },
                days: { type: "integer" },
              },
              required: ["city", "unit", "days"],
            },
          },
        ],
      });
    });
    await waitFor(() => expect(result.current.status).toBe("done"));
    const final = result.current.message?.content.find((item) => item.type === "tool_use");
    expect(final?.type === "tool_use" && Object.keys(final.input as object)).toEqual([
      "city",
      "unit",
      "days",
    ]);
    const partials = inputs.filter(
      (input) =>
        input && typeof input === "object" && Object.keys(input).length > 0 && Object.keys(input).length < 3,
    );
    expect(partials.length).toBeGreaterThan(0);
  });

  test("renders the first text at once and later deltas on the trailing edge (commit count)", async () => {
    const scripted = scriptedStreamClient();
    const commits: string[] = [];
    let deltasSeen = 0;
    renderStrict(
      <Profiler
        id="stream"
        onRender={() =>
          commits.push(
            `${screen.queryByTestId("status")?.textContent}:${screen.queryByTestId("text")?.textContent}`,
          )
        }
      >
        <Streamer params={ask("Hi")} options={{ throttleMs: 60_000, onText: () => deltasSeen++ }} />
      </Profiler>,
      scripted.client,
    );
    fireEvent.click(screen.getByText("send"));
    await waitFor(() => expect(scripted.requests()).toBe(1));
    await waitFor(() => scripted.push(messageStart()));
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("streaming"));
    const commitsBeforeText = commits.length;

    scripted.push(...textBlock(0, "Hello").slice(0, 2));
    await waitFor(() => expect(screen.getByTestId("text").textContent).toBe("Hello"));
    expect(commits.length).toBe(commitsBeforeText + 1);

    for (let index = 0; index < 20; index++) {
      scripted.push({
        type: "content_block_delta",
        index: 0,
        delta: { type: "text_delta", text: ` ${index}` },
      });
    }
    await waitFor(() => expect(deltasSeen).toBe(21));
    expect(screen.getByTestId("text").textContent).toBe("Hello");
    expect(commits.length).toBe(commitsBeforeText + 1);

    scripted.push({ type: "content_block_stop", index: 0 }, ...messageEnd());
    scripted.end();
    await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("done"));
    expect(screen.getByTestId("text").textContent).toMatch(/^Hello 0 1 2 .* 19$/);
    expect(commits.length).toBe(commitsBeforeText + 2);
  });
});
