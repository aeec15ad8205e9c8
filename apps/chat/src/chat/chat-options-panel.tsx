import type { ChatUsageTotals } from "@colloquy/react";
import { ModelPicker, UsageMeter } from "@colloquy/ui";
import type { ChatOptions } from "../conversations/conversation-store";
import { CheckboxField, Field, MaxTokensField, positiveInteger } from "../shell/fields";

export interface ChatOptionsPanelProps {
  id?: string;
  /** Shown as an open drawer (narrow screens; beside the thread it is always shown). */
  open?: boolean;
  onClose?: (() => void) | undefined;
  options: ChatOptions;
  onChange: (change: Partial<ChatOptions>) => void;
  usage: ChatUsageTotals;
  contextWindow?: number | null | undefined;
}

const MIN_THINKING_BUDGET = 1024;

/** Model, system prompt, max tokens, extended thinking, tools, and the conversation's token totals. */
export function ChatOptionsPanel({
  id,
  open = false,
  onClose,
  options,
  onChange,
  usage,
  contextWindow,
}: ChatOptionsPanelProps) {
  const budgetTooHigh = options.thinking && options.thinkingBudget >= options.maxTokens;

  return (
    <aside id={id} className="chat-options" data-open={open} aria-label="Conversation settings">
      <div className="drawer-header">
        <h2>Settings</h2>
        {onClose ? (
          <button type="button" className="drawer-close button-secondary" onClick={onClose}>
            Close
          </button>
        ) : null}
      </div>
      <ModelPicker value={options.model} onValueChange={(model) => onChange({ model })} label="Model" />

      <Field label="System prompt">
        {(id) => (
          <textarea
            id={id}
            rows={4}
            value={options.system}
            placeholder="You are a helpful assistant."
            onChange={(event) => onChange({ system: event.target.value })}
          />
        )}
      </Field>

      <MaxTokensField value={options.maxTokens} onChange={(maxTokens) => onChange({ maxTokens })} />

      <CheckboxField
        label="Extended thinking"
        checked={options.thinking}
        onChange={(thinking) => onChange({ thinking })}
      />
      {options.thinking ? (
        <Field
          label="Thinking budget (tokens)"
          hint={
            budgetTooHigh
              ? `The budget must stay below max tokens: requests use max tokens ${options.thinkingBudget + 1}.`
              : null
          }
        >
          {(id) => (
            <input
              id={id}
              type="number"
              min={MIN_THINKING_BUDGET}
              step={256}
              value={options.thinkingBudget}
              onChange={(event) =>
                onChange({
                  thinkingBudget: positiveInteger(
                    event.target.value,
                    options.thinkingBudget,
                    MIN_THINKING_BUDGET,
                  ),
                })
              }
            />
          )}
        </Field>
      ) : null}

      <CheckboxField
        label="Demo tools (calculator, clock)"
        checked={options.tools}
        onChange={(tools) => onChange({ tools })}
      />

      <CheckboxField
        label="Prompt caching"
        checked={options.promptCaching}
        onChange={(promptCaching) => onChange({ promptCaching })}
      />
      <span className="field-hint">
        Caches the conversation so far once it is long enough (1,024+ tokens); the meters show cache writes
        and reads.
      </span>

      <h3>This conversation</h3>
      <UsageMeter usage={usage} contextWindow={contextWindow} />
    </aside>
  );
}
