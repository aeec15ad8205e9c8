import type { ModelInfo } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef, useId } from "react";
import { cx } from "./internal/class-names.js";
import { formatCompact } from "./internal/format.js";
import { useControllableState } from "./internal/use-controllable-state.js";

export interface ModelSelectProps
  extends Omit<ComponentPropsWithoutRef<"div">, "children" | "onChange" | "defaultValue"> {
  models: readonly ModelInfo[];
  /** The selected model id (controlled). */
  value?: string;
  /** @default the first model */
  defaultValue?: string;
  onValueChange?: (modelId: string) => void;
  /** @default false */
  loading?: boolean;
  /** A failure loading the models, shown under the select. */
  error?: unknown;
  /** @default "Model" */
  label?: string;
  /** @default false */
  disabled?: boolean;
}

/** A labelled select of models (presentational: pass the list; `<ModelPicker>` loads it for you). */
export const ModelSelect = forwardRef<HTMLDivElement, ModelSelectProps>(function ModelSelect(
  {
    models,
    value,
    defaultValue,
    onValueChange,
    loading = false,
    error,
    label = "Model",
    disabled = false,
    className,
    ...props
  },
  ref,
) {
  const [selected, setSelected] = useControllableState(
    value,
    defaultValue ?? models[0]?.id ?? "",
    onValueChange,
  );
  const selectId = useId();
  const hintId = useId();
  const model = models.find((candidate) => candidate.id === selected);
  const state = loading ? "loading" : error ? "error" : models.length === 0 ? "empty" : "ready";
  return (
    <div ref={ref} className={cx("cq-model-select", className)} data-state={state} {...props}>
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        value={model ? selected : ""}
        disabled={disabled || loading || models.length === 0}
        aria-describedby={hintId}
        onChange={(event) => setSelected(event.target.value)}
      >
        {model === undefined ? (
          <option value="" disabled>
            {loading ? "Loading models…" : models.length === 0 ? "No models" : "Choose a model"}
          </option>
        ) : null}
        {models.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.display_name}
            {candidate.lifecycle && candidate.lifecycle !== "active" ? ` (${candidate.lifecycle})` : ""}
          </option>
        ))}
      </select>
      <span id={hintId} className={error ? "cq-danger-text" : "cq-muted"} role={error ? "alert" : undefined}>
        {error
          ? `Could not load models: ${error instanceof Error ? error.message : String(error)}`
          : model
            ? [model.id, model.max_input_tokens ? `${formatCompact(model.max_input_tokens)} context` : null]
                .filter(Boolean)
                .join(" · ")
            : loading
              ? "Loading models…"
              : ""}
      </span>
    </div>
  );
});
