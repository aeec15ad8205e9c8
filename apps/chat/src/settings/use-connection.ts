import type Anthropic from "@colloquy/client";
import { useCallback, useMemo, useState } from "react";
import { browserStorage } from "../shell/browser-storage";
import { createApiKeyStore } from "./api-key-store";
import {
  type ConnectionSettings,
  DEFAULT_MOCK_API_URL,
  loadSettings,
  saveSettings,
} from "./connection-settings";
import { createDemoClient } from "./create-client";

const keyStore = createApiKeyStore(browserStorage("sessionStorage"));

/** The embedded mock API's URL this build was made for. */
export const MOCK_API_URL = import.meta.env.VITE_MOCK_API_URL || DEFAULT_MOCK_API_URL;

export interface Connection {
  settings: ConnectionSettings;
  /** The client for the current settings, or the reason it could not be made. */
  client: Anthropic | null;
  clientError: Error | null;
  /** Changes whenever the client does (used to start a fresh cache). */
  clientKey: string;
  hasDirectKey: boolean;
  directKeyRemembered: boolean;
  /** Saves settings (localStorage) and, in direct mode, the key (memory or sessionStorage only). */
  apply(settings: ConnectionSettings, directKey?: { key: string; remember: boolean }): void;
  forgetDirectKey(): void;
}

/** Connection settings, the direct-mode key and the client made from them. */
export function useConnection(): Connection {
  const [settings, setSettings] = useState(() => loadSettings(browserStorage("localStorage")));
  const [directKey, setDirectKey] = useState(() => keyStore.get());
  const [generation, setGeneration] = useState(0);

  const { client, clientError } = useMemo(() => {
    try {
      const origin = typeof window === "undefined" ? "http://127.0.0.1" : window.location.origin;
      return {
        client: createDemoClient({ settings, directApiKey: directKey, origin, mockApiUrl: MOCK_API_URL }),
        clientError: null,
      };
    } catch (error) {
      return { client: null, clientError: error instanceof Error ? error : new Error(String(error)) };
    }
  }, [settings, directKey]);

  const apply = useCallback((next: ConnectionSettings, key?: { key: string; remember: boolean }) => {
    saveSettings(browserStorage("localStorage"), next);
    setSettings(next);
    if (key) {
      keyStore.set(key.key, key.remember);
      setDirectKey(key.key);
    }
    setGeneration((value) => value + 1);
  }, []);

  const forgetDirectKey = useCallback(() => {
    keyStore.clear();
    setDirectKey("");
    setGeneration((value) => value + 1);
  }, []);

  return {
    settings,
    client,
    clientError,
    clientKey: `${settings.mode}:${generation}`,
    hasDirectKey: directKey !== "",
    directKeyRemembered: keyStore.remembered(),
    apply,
    forgetDirectKey,
  };
}
