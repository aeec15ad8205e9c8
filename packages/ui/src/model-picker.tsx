import { useModels } from "@colloquy/react";
import { forwardRef } from "react";
import { ModelSelect, type ModelSelectProps } from "./model-select.js";

export interface ModelPickerProps extends Omit<ModelSelectProps, "models" | "loading" | "error"> {}

/** `<ModelSelect>` fed by the models API through `useModels()` (needs `<AnthropicProvider>`). */
export const ModelPicker = forwardRef<HTMLDivElement, ModelPickerProps>(function ModelPicker(props, ref) {
  const models = useModels();
  return (
    <ModelSelect
      ref={ref}
      models={models.data ?? []}
      loading={models.isPending}
      error={models.error ?? undefined}
      {...props}
    />
  );
});
