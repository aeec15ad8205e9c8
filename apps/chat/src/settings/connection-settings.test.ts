import { describe, expect, it } from "vitest";
import { memoryStorage } from "../../test/memory-storage";
import { createApiKeyStore } from "./api-key-store";
import { loadSettings, resolveBaseURL, SETTINGS_STORAGE_KEY, saveSettings } from "./connection-settings";

describe("connection settings", () => {
  it("defaults to mock mode and round-trips through storage", () => {
    const storage = memoryStorage();
    expect(loadSettings(storage).mode).toBe("mock");
    saveSettings(storage, { mode: "proxy", mockBaseURL: "", directBaseURL: "https://example.test" });
    expect(loadSettings(storage)).toEqual({
      mode: "proxy",
      mockBaseURL: "",
      directBaseURL: "https://example.test",
    });
  });

  it("ignores unknown modes in storage", () => {
    const storage = memoryStorage();
    storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ mode: "telepathy" }));
    expect(loadSettings(storage).mode).toBe("mock");
  });

  it("resolves the base URL per mode", () => {
    const base = { mockBaseURL: "", directBaseURL: "https://api.anthropic.com/" };
    expect(resolveBaseURL({ ...base, mode: "mock" }, "http://127.0.0.1:5173", "http://127.0.0.1:4010/")).toBe(
      "http://127.0.0.1:4010",
    );
    expect(resolveBaseURL({ ...base, mode: "mock", mockBaseURL: "http://localhost:9999" }, "", "x")).toBe(
      "http://localhost:9999",
    );
    expect(resolveBaseURL({ ...base, mode: "proxy" }, "http://127.0.0.1:5173", "")).toBe(
      "http://127.0.0.1:5173/proxy/anthropic",
    );
    expect(resolveBaseURL({ ...base, mode: "direct" }, "", "")).toBe("https://api.anthropic.com");
  });
});

describe("api key store", () => {
  it("keeps the key in memory only unless asked to remember it for the tab", () => {
    const session = memoryStorage();
    const store = createApiKeyStore(session);
    store.set("sk-ant-typed", false);
    expect(store.get()).toBe("sk-ant-typed");
    expect(session.data.size).toBe(0);

    store.set("sk-ant-typed", true);
    expect(createApiKeyStore(session).get()).toBe("sk-ant-typed");
    store.clear();
    expect(createApiKeyStore(session).get()).toBe("");
  });
});
