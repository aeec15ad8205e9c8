/** Where the app sends its API requests. */
export type ConnectionMode = "mock" | "proxy" | "direct";

/** The connection settings kept in localStorage (never the direct-mode key: see `api-key-store.ts`). */
export interface ConnectionSettings {
  /** @default "mock" */
  mode: ConnectionMode;
  /**
   * Base URL in mock mode; empty means the embedded mock API the app was started with.
   * @default ""
   */
  mockBaseURL: string;
  /**
   * Base URL in direct mode.
   * @default "https://api.anthropic.com"
   */
  directBaseURL: string;
}

export const SETTINGS_STORAGE_KEY = "colloquy.settings.v1";
export const DEFAULT_MOCK_API_URL = "http://127.0.0.1:4010";
export const DEFAULT_DIRECT_BASE_URL = "https://api.anthropic.com";
/** Same-origin route of the app's server that adds the server's key (see `server/anthropic-proxy.ts`). */
export const PROXY_PATH = "/proxy/anthropic";

export const DEFAULT_SETTINGS: ConnectionSettings = {
  mode: "mock",
  mockBaseURL: "",
  directBaseURL: DEFAULT_DIRECT_BASE_URL,
};

const MODES: readonly ConnectionMode[] = ["mock", "proxy", "direct"];

/** Reads the settings, falling back to the defaults field by field on missing or malformed data. */
export function loadSettings(storage: Pick<Storage, "getItem"> | undefined): ConnectionSettings {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(SETTINGS_STORAGE_KEY) ?? "null");
  } catch {
    stored = null;
  }
  if (typeof stored !== "object" || stored === null) return { ...DEFAULT_SETTINGS };
  const record = stored as Record<string, unknown>;
  return {
    mode: MODES.includes(record.mode as ConnectionMode)
      ? (record.mode as ConnectionMode)
      : DEFAULT_SETTINGS.mode,
    mockBaseURL: typeof record.mockBaseURL === "string" ? record.mockBaseURL : DEFAULT_SETTINGS.mockBaseURL,
    directBaseURL:
      typeof record.directBaseURL === "string" && record.directBaseURL !== ""
        ? record.directBaseURL
        : DEFAULT_SETTINGS.directBaseURL,
  };
}

export function saveSettings(
  storage: Pick<Storage, "setItem"> | undefined,
  settings: ConnectionSettings,
): void {
  try {
    storage?.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled (private mode): the settings still apply for this visit.
  }
}

/** The base URL the client uses for these settings; `origin` is the page's, `mockApiUrl` the build's default. */
export function resolveBaseURL(settings: ConnectionSettings, origin: string, mockApiUrl: string): string {
  const trimmed = (url: string) => url.trim().replace(/\/+$/, "");
  switch (settings.mode) {
    case "mock":
      return trimmed(settings.mockBaseURL) || trimmed(mockApiUrl) || DEFAULT_MOCK_API_URL;
    case "proxy":
      return `${trimmed(origin)}${PROXY_PATH}`;
    case "direct":
      return trimmed(settings.directBaseURL) || DEFAULT_DIRECT_BASE_URL;
  }
}

/** Whether a string is an absolute http(s) URL (for the base URL fields). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
