import { AnthropicProvider } from "@colloquy/react";
import { useEffect, useRef, useState } from "react";
import { BatchesPage } from "./batches/batches-page";
import { ChatPage } from "./chat/chat-page";
import { HelpPanel } from "./help/help-panel";
import { SettingsPage } from "./settings/settings-page";
import { type Connection, useConnection } from "./settings/use-connection";
import { type Page, routeHref, useHashRoute } from "./shell/hash-route";
import { useTheme } from "./shell/use-theme";

const PAGES: { page: Page; label: string }[] = [
  { page: "chat", label: "Chat" },
  { page: "batches", label: "Batches" },
  { page: "settings", label: "Settings" },
];

const MODE_LABELS: Record<Connection["settings"]["mode"], string> = {
  mock: "Mock API",
  proxy: "Proxy (server key)",
  direct: "Direct (browser key)",
};

/** Moves the focus to the page's content, past the header (the skip link). */
function skipToMain() {
  document.getElementById("main")?.focus();
}

/** The demo: a header with navigation, the current page, and the help panel listing the mock's triggers. */
export function App() {
  const route = useHashRoute();
  const connection = useConnection();
  const [helpOpen, setHelpOpen] = useState(false);
  const [theme, setTheme] = useTheme();
  const { mode } = connection.settings;
  const helpButton = useRef<HTMLButtonElement>(null);
  const closeHelp = () => {
    setHelpOpen(false);
    helpButton.current?.focus();
  };
  // Direct mode needs a key typed in Settings (it is not remembered across reloads unless asked).
  const needsKey = mode === "direct" && !connection.hasDirectKey;

  useEffect(() => {
    const label = PAGES.find((entry) => entry.page === route.page)?.label ?? "Chat";
    document.title = `${label} · Colloquy demo`;
  }, [route.page]);

  return (
    <div className="app" data-page={route.page}>
      {/* A button, not a link: `#main` in the hash would be read as a route. */}
      <button type="button" className="skip-link" onClick={skipToMain}>
        Skip to content
      </button>
      <header className="app-header">
        <a className="app-brand" href={routeHref("chat")}>
          Colloquy
        </a>
        <nav aria-label="Pages" className="app-nav">
          {PAGES.map(({ page, label }) => (
            <a key={page} href={routeHref(page)} aria-current={route.page === page ? "page" : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span className="app-mode" data-mode={mode} title="Connection mode (change it in Settings)">
          {MODE_LABELS[mode]}
        </span>
        <button
          type="button"
          className="app-header-button"
          onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
          aria-label={theme === "dark" ? "Use the light theme" : "Use the dark theme"}
        >
          {theme === "dark" ? "Light" : "Dark"}
        </button>
        <button
          ref={helpButton}
          type="button"
          className="app-header-button"
          aria-expanded={helpOpen}
          aria-controls="help-panel"
          onClick={() => setHelpOpen((open) => !open)}
        >
          Help
        </button>
      </header>
      {mode === "direct" ? (
        // A labelled region: every part of the page is in a landmark (axe `region`).
        <section aria-label="Connection warning">
          <p className="app-warning" role="note">
            Direct mode: your API key is used by this browser tab and sent straight to{" "}
            {connection.settings.directBaseURL}. Anyone who can run script in this page can read it. Use it
            only on your own machine, with a key you can revoke.
            {connection.hasDirectKey ? null : (
              <>
                {" "}
                No key is set yet: <a href={routeHref("settings")}>type one in Settings</a>.
              </>
            )}
          </p>
        </section>
      ) : null}
      <div className="app-body">
        {helpOpen ? <HelpPanel id="help-panel" onClose={closeHelp} /> : null}
        <main className="app-main" id="main" tabIndex={-1}>
          {route.page === "settings" ? (
            <SettingsPage connection={connection} />
          ) : connection.client ? (
            // A new client gets a fresh cache: batches and models of one API are not those of another.
            <AnthropicProvider key={connection.clientKey} client={connection.client}>
              {route.page === "chat" ? (
                <ChatPage needsKey={needsKey} mock={mode === "mock"} />
              ) : (
                <BatchesPage batchId={route.id} />
              )}
            </AnthropicProvider>
          ) : (
            <p className="app-error" role="alert">
              The client could not be created: {connection.clientError?.message}. Check the{" "}
              <a href={routeHref("settings")}>settings</a>.
            </p>
          )}
        </main>
      </div>
    </div>
  );
}
