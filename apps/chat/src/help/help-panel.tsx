import { triggerDocs } from "@colloquy/mock-api";
import { useEffect, useRef, useState } from "react";
import { demoTools } from "../tools/demo-tools";

/** Ready-made messages that show each feature on the mock API. */
export const TRIGGER_EXAMPLES: readonly { text: string; shows: string }[] = [
  { text: "[[mock: words=400]] Tell me a long story", shows: "a long reply (Stop it with Escape)" },
  { text: "[[mock: slow]] Take your time", shows: "a slow stream" },
  {
    text: "[[mock: tool=calculator]] What is 12 * (3 + 4)?",
    shows: "tool use: the calculator runs in your browser",
  },
  { text: "[[mock: tool=get_time]] What time is it in Paris?", shows: "tool use: the clock" },
  { text: "[[mock: thinking]] Think it through first", shows: "a thinking block before the answer" },
  {
    text: "[[mock: error=429 retry-after=3]]",
    shows: "rate limited (the client retries, then shows the error)",
  },
  {
    text: "[[mock: error=529 fail-times=3]] Hello",
    shows: "overloaded three times: the client retries twice, then Retry succeeds",
  },
  {
    text: "[[mock: stream-error after=8]] Hello",
    shows: "an overloaded_error event mid-stream: the partial reply is kept",
  },
  { text: "[[mock: drop after=8]] Hello", shows: "the connection drops mid-stream" },
];

export interface HelpPanelProps {
  id?: string;
  onClose: () => void;
}

/** The keyboard shortcuts of the chat page, as listed in Help. */
export const KEYBOARD_SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: "Enter", does: "send the message (Shift+Enter: a new line)" },
  { keys: "Escape", does: "stop the reply in progress; close Help or a drawer" },
  { keys: "Ctrl+Shift+O (⌘+Shift+O)", does: "start a new conversation" },
  { keys: "Shift+Escape", does: "put the focus in the message box" },
];

/**
 * Lists the mock API's triggers (directives typed in the chat box that ask for tool use, errors, and so
 * on), the demo's tool names and the keyboard shortcuts. It takes the focus when opened; Escape closes it.
 */
export function HelpPanel({ id, onClose }: HelpPanelProps) {
  const [copied, setCopied] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeButton.current?.focus();
  }, []);

  // Escape closes Help first (the topmost thing), before it would stop a reply.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, [onClose]);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(text);
    } catch {
      setCopied(null);
    }
  };

  return (
    <aside id={id} className="help-panel" aria-labelledby="help-title">
      <div className="help-header">
        <h2 id="help-title">Mock API triggers</h2>
        <button ref={closeButton} type="button" className="button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p>
        In mock mode, put a directive such as <code>[[mock: words=300]]</code> anywhere in your message to
        choose what the simulated API does. Several entries can share one directive:{" "}
        <code>[[mock: slow words=50]]</code>.
      </p>
      <h3>Try</h3>
      <ul className="help-examples">
        {TRIGGER_EXAMPLES.map((example) => (
          <li key={example.text}>
            <code>{example.text}</code>
            <span>{example.shows}</span>
            <button type="button" className="button-secondary" onClick={() => void copy(example.text)}>
              {copied === example.text ? "Copied" : "Copy"}
            </button>
          </li>
        ))}
      </ul>
      <h3>Demo tools</h3>
      <p>
        With “Demo tools” on, the model may call these; they run in your browser. Ask for one by name, e.g.{" "}
        <code>[[mock: tool=get_time]]</code>.
      </p>
      <HelpTerms
        label="Demo tools"
        terms={Object.entries(demoTools).map(([name, tool]) => ({ term: name, meaning: tool.description }))}
      />
      <h3>Keyboard shortcuts</h3>
      <HelpTerms
        label="Keyboard shortcuts"
        termAs="kbd"
        terms={KEYBOARD_SHORTCUTS.map((shortcut) => ({ term: shortcut.keys, meaning: shortcut.does }))}
      />
      <h3>Every trigger</h3>
      <HelpTerms terms={triggerDocs.map((doc) => ({ term: doc.syntax, meaning: doc.effect }))} />
    </aside>
  );
}

interface HelpTermsProps {
  /** The list's accessible name, when its heading is not enough. */
  label?: string;
  /** Each term (shown as code, or as keys with `termAs="kbd"`) and what it means. */
  terms: readonly { term: string; meaning: string }[];
  termAs?: "code" | "kbd";
}

/** One of Help's lists of terms: the demo tools, the keyboard shortcuts, the mock API's triggers. */
function HelpTerms({ label, terms, termAs: Term = "code" }: HelpTermsProps) {
  return (
    <dl className="help-triggers" aria-label={label}>
      {terms.map(({ term, meaning }) => (
        <div key={term}>
          <dt>
            <Term>{term}</Term>
          </dt>
          <dd>{meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
