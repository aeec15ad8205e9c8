import { type FormEvent, useId, useState } from "react";
import {
  type ConnectionMode,
  type ConnectionSettings,
  DEFAULT_DIRECT_BASE_URL,
  isHttpUrl,
  PROXY_PATH,
} from "./connection-settings";
import { type Connection, MOCK_API_URL } from "./use-connection";

const MODES: { mode: ConnectionMode; label: string; description: string }[] = [
  {
    mode: "mock",
    label: "Mock API",
    description: "The embedded, simulated Anthropic API started by npm start. No key, no network.",
  },
  {
    mode: "proxy",
    label: "Proxy",
    description:
      "Requests go to this app's server, which adds ANTHROPIC_API_KEY from its own environment and forwards them to the API. The key never reaches the browser.",
  },
  {
    mode: "direct",
    label: "Direct from the browser",
    description: "The browser calls the API itself with a key you type here (dangerouslyAllowBrowser).",
  },
];

/** Connection settings: mode, base URL, and the direct-mode key (kept in memory or this tab only). */
export function SettingsPage({ connection }: { connection: Connection }) {
  const [draft, setDraft] = useState<ConnectionSettings>(connection.settings);
  const [apiKey, setApiKey] = useState("");
  const [remember, setRemember] = useState(connection.directKeyRemembered);
  const [saved, setSaved] = useState(false);
  const ids = { mock: useId(), direct: useId(), key: useId(), remember: useId() };

  const mockUrlInvalid = draft.mockBaseURL.trim() !== "" && !isHttpUrl(draft.mockBaseURL.trim());
  const directUrlInvalid = !isHttpUrl(draft.directBaseURL.trim() || DEFAULT_DIRECT_BASE_URL);
  const invalid = (draft.mode === "mock" && mockUrlInvalid) || (draft.mode === "direct" && directUrlInvalid);

  const update = (change: Partial<ConnectionSettings>) => {
    setDraft((current) => ({ ...current, ...change }));
    setSaved(false);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    const keyChange = draft.mode === "direct" && apiKey !== "" ? { key: apiKey.trim(), remember } : undefined;
    connection.apply(
      { ...draft, mockBaseURL: draft.mockBaseURL.trim(), directBaseURL: draft.directBaseURL.trim() },
      keyChange,
    );
    setApiKey("");
    setSaved(true);
  };

  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <form className="settings-form" onSubmit={onSubmit}>
        <fieldset>
          <legend>Connection mode</legend>
          {MODES.map(({ mode, label, description }) => (
            <label
              key={mode}
              className="settings-mode"
              data-state={draft.mode === mode ? "checked" : "unchecked"}
            >
              <input
                type="radio"
                name="mode"
                value={mode}
                checked={draft.mode === mode}
                onChange={() => update({ mode })}
              />
              <span>
                <strong>{label}</strong>
                <span className="settings-hint">{description}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {draft.mode === "mock" ? (
          <div className="settings-field">
            <label htmlFor={ids.mock}>Mock API base URL</label>
            <input
              id={ids.mock}
              type="url"
              placeholder={MOCK_API_URL}
              value={draft.mockBaseURL}
              aria-invalid={mockUrlInvalid || undefined}
              onChange={(event) => update({ mockBaseURL: event.target.value })}
            />
            <span className="settings-hint">Leave empty for the embedded mock API ({MOCK_API_URL}).</span>
          </div>
        ) : null}

        {draft.mode === "proxy" ? (
          <p className="settings-hint">
            Base URL: <code>{`${window.location.origin}${PROXY_PATH}`}</code>. Start the server with{" "}
            <code>ANTHROPIC_API_KEY</code> in its environment (and optionally <code>PROXY_TARGET_URL</code>).
          </p>
        ) : null}

        {draft.mode === "direct" ? (
          <>
            <div className="settings-warning" role="alert">
              <strong>Warning:</strong> in direct mode your API key lives in this page and is sent from the
              browser. Any script running here (an extension, an injected dependency) could read it. Prefer
              the proxy mode; use a key you can revoke.
            </div>
            <div className="settings-field">
              <label htmlFor={ids.direct}>API base URL</label>
              <input
                id={ids.direct}
                type="url"
                value={draft.directBaseURL}
                aria-invalid={directUrlInvalid || undefined}
                onChange={(event) => update({ directBaseURL: event.target.value })}
              />
            </div>
            <div className="settings-field">
              <label htmlFor={ids.key}>API key</label>
              <input
                id={ids.key}
                type="password"
                autoComplete="off"
                spellCheck={false}
                placeholder={connection.hasDirectKey ? "A key is set (type to replace it)" : "sk-ant-…"}
                value={apiKey}
                onChange={(event) => {
                  setApiKey(event.target.value);
                  setSaved(false);
                }}
              />
            </div>
            <label className="settings-check" htmlFor={ids.remember}>
              <input
                id={ids.remember}
                type="checkbox"
                checked={remember}
                onChange={(event) => setRemember(event.target.checked)}
              />
              Remember the key in this tab (sessionStorage, cleared when the tab closes). Otherwise it is kept
              in memory only and lost on reload.
            </label>
            {connection.hasDirectKey ? (
              <button type="button" className="button-secondary" onClick={connection.forgetDirectKey}>
                Forget the key
              </button>
            ) : null}
          </>
        ) : null}

        <div className="settings-actions">
          <button type="submit" disabled={invalid}>
            Save
          </button>
          {saved ? (
            <span role="status" className="settings-saved">
              Saved.
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
