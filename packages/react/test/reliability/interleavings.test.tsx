/**
 * Property: any interleaving of send / stop / waits, ended by an unmount, leaves no request running and
 * no render after the unmount (issue 7, "Hooks"). The client talks to the mock core through an injected
 * fetch that records, per request, whether its signal aborted or its body was read to the end.
 */
import type Anthropic from "@colloquy/client";
import { createMockApi } from "@colloquy/mock-api";
import { act, render } from "@testing-library/react";
import fc from "fast-check";
import { StrictMode } from "react";
import { describe, expect, it } from "vitest";
import { AnthropicProvider } from "../../src/anthropic-provider.js";
import { useMessageStream } from "../../src/use-message-stream.js";
import { createTestQueryClient, MODEL } from "../harness.js";
import { clientWithFetch } from "../scripted-client.js";

/** Runs of the property, quoted in the README's Reliability section. */
export const interleavingRuns = 40;

type Action = { kind: "send"; words: number } | { kind: "stop" } | { kind: "wait"; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("send" as const), words: fc.integer({ min: 200, max: 400 }) }),
  fc.record({ kind: fc.constant("stop" as const) }),
  fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 25 }) }),
);

interface Tracked {
  signal: AbortSignal;
  finished: boolean;
}

function trackingClient(tracked: Tracked[]): Anthropic {
  const api = createMockApi({ streamDelayMs: 2 });
  return clientWithFetch(async (input, init) => {
    const request = new Request(input, init);
    const entry: Tracked = { signal: request.signal, finished: false };
    tracked.push(entry);
    const response = await api.handle(request);
    if (!response.body) return response;
    const body = response.body.pipeThrough(
      new TransformStream({
        flush() {
          entry.finished = true;
        },
      }),
    );
    return new Response(body, response);
  }, "https://api.anthropic.test");
}

/** Renders the hook's text and reports every render with the hook's controls. */
function Probe({ onRender }: { onRender: (stream: ReturnType<typeof useMessageStream>) => void }) {
  const stream = useMessageStream({ throttleMs: 0 });
  onRender(stream);
  return <output>{stream.text}</output>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("useMessageStream under random interleavings", () => {
  it("never leaves a request running nor renders after unmount", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 8 }), async (actions) => {
        const tracked: Tracked[] = [];
        const client = trackingClient(tracked);
        let controls: ReturnType<typeof useMessageStream> | undefined;
        let renders = 0;
        const view = render(
          <StrictMode>
            <AnthropicProvider client={client} queryClient={createTestQueryClient()}>
              <Probe
                onRender={(stream) => {
                  controls = stream;
                  renders++;
                }}
              />
            </AnthropicProvider>
          </StrictMode>,
        );
        for (const step of actions) {
          await act(async () => {
            if (step.kind === "send") {
              void controls!
                .send({
                  model: MODEL,
                  max_tokens: 512,
                  messages: [{ role: "user", content: `hi [[mock: words=${step.words}]]` }],
                })
                .catch(() => {});
            } else if (step.kind === "stop") controls!.stop();
            else await sleep(step.ms);
          });
        }
        view.unmount();
        const rendersAtUnmount = renders;
        // Let any stream that would wrongly keep going deliver more events.
        await sleep(40);
        expect(renders).toBe(rendersAtUnmount);
        for (const request of tracked) expect(request.signal.aborted || request.finished).toBe(true);
      }),
      { numRuns: interleavingRuns },
    );
  });
});
