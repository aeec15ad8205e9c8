import { screen, waitFor } from "@testing-library/react";
import { type ReactNode, useEffect, useRef } from "react";
import { expect } from "vitest";
import { createTestClient, messageRequests, renderStrict } from "./harness.js";

/**
 * The usual "start once on mount" pattern apps write: a mount effect guarded by a ref, so that
 * StrictMode's re-run of effects does not start a second time.
 */
export function useStartOnceOnMount(start: () => void): void {
  const started = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on mount only, as apps write it
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start();
  }, []);
}

/**
 * Renders `ui` (a component that starts a request on mount and shows its status in `data-testid="status"`)
 * under StrictMode, and checks that it sent exactly one request, never aborted, that ended `done`.
 */
export async function expectOneRequestToFinish(ui: ReactNode): Promise<void> {
  const { client, requests } = createTestClient();
  const view = renderStrict(ui, client);
  await waitFor(() => expect(screen.getByTestId("status").textContent).toBe("done"), { timeout: 5000 });
  expect(messageRequests(requests)).toHaveLength(1);
  expect(messageRequests(requests)[0]?.signal.aborted).toBe(false);
  view.unmount();
}
