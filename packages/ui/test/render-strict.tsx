import { type RenderOptions, render } from "@testing-library/react";
import { type ReactElement, StrictMode } from "react";

/** Renders under StrictMode, as every React test of this repository does. */
export function renderStrict(ui: ReactElement, options: Omit<RenderOptions, "wrapper"> = {}) {
  return render(ui, { wrapper: StrictMode, ...options });
}
