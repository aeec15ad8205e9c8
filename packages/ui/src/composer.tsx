import {
  type ComponentPropsWithoutRef,
  type FormEvent,
  forwardRef,
  type KeyboardEvent,
  type Ref,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
} from "react";
import { cx } from "./internal/class-names.js";
import { formatCount } from "./internal/format.js";
import { useControllableState } from "./internal/use-controllable-state.js";

export interface ComposerProps extends Omit<ComponentPropsWithoutRef<"form">, "onSubmit" | "children"> {
  /** Called with the trimmed text when the user sends (Enter or the Send button). */
  onSend: (text: string) => void;
  /** Called when the user stops the reply (Stop button or Escape). */
  onStop?: (() => void) | undefined;
  /** A reply is streaming: the button becomes "Stop" and Escape stops. @default false */
  streaming?: boolean;
  /** @default false */
  disabled?: boolean;
  /** The text (controlled). */
  value?: string;
  /** @default "" */
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** Tokens the draft will cost, shown before sending when given (`null` while counting). */
  tokenCount?: number | null | undefined;
  /** @default "Message Claude…" */
  placeholder?: string;
  /** @default "Message" */
  label?: string;
  /** Receives the textarea, e.g. to focus it. */
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The message box: Enter sends, Shift+Enter adds a line, the Send button turns into Stop while a
 * reply streams, Escape stops, and focus returns to the textbox after stopping.
 */
export const Composer = forwardRef<HTMLFormElement, ComposerProps>(function Composer(
  {
    onSend,
    onStop,
    streaming = false,
    disabled = false,
    value,
    defaultValue = "",
    onValueChange,
    tokenCount,
    placeholder = "Message Claude…",
    label = "Message",
    textareaRef,
    className,
    ...props
  },
  ref,
) {
  const [text, setText] = useControllableState(value, defaultValue, onValueChange);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(textareaRef, () => inputRef.current!, []);
  const inputId = useId();
  const countId = useId();
  const canSend = !disabled && !streaming && text.trim() !== "";

  // When a reply ends while focus sits on the Send/Stop button, hand it back to the textbox.
  const wasStreaming = useRef(streaming);
  useEffect(() => {
    if (wasStreaming.current && !streaming) {
      const active = document.activeElement;
      if (active === null || active === document.body || active?.closest("[data-composer-action]")) {
        inputRef.current?.focus();
      }
    }
    wasStreaming.current = streaming;
  }, [streaming]);

  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    setText("");
  };

  const stop = () => {
    onStop?.();
    inputRef.current?.focus();
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (streaming) stop();
    else send();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape" && streaming) {
      event.preventDefault();
      stop();
      return;
    }
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const state = disabled ? "disabled" : streaming ? "streaming" : "idle";
  return (
    <form
      ref={ref}
      className={cx("cq-composer", className)}
      data-state={state}
      onSubmit={handleSubmit}
      {...props}
    >
      <label htmlFor={inputId} className="cq-visually-hidden">
        {label}
      </label>
      <textarea
        ref={inputRef}
        id={inputId}
        className="cq-composer-input"
        value={text}
        placeholder={placeholder}
        rows={2}
        disabled={disabled}
        aria-describedby={tokenCount !== undefined ? countId : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={handleKeyDown}
      />
      <div className="cq-composer-actions">
        {tokenCount !== undefined ? (
          <span
            id={countId}
            className="cq-composer-tokens cq-muted"
            data-state={tokenCount === null ? "counting" : "counted"}
          >
            {tokenCount === null ? "Counting tokens…" : `${formatCount(tokenCount)} tokens`}
          </span>
        ) : null}
        <button
          type="submit"
          className="cq-button cq-composer-submit"
          data-composer-action=""
          data-variant={streaming ? "stop" : "send"}
          disabled={streaming ? onStop === undefined : !canSend}
        >
          {streaming ? "Stop" : "Send"}
        </button>
      </div>
    </form>
  );
});
