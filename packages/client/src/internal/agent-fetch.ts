import type { Fetch } from "../client.js";

/** Makes a `fetch` that sends every request through a Node agent (`http.Agent` or a proxy agent). */
export type AgentFetchFactory = (agent: unknown) => Fetch;

/**
 * Where `@colloquy/client/shims/node` leaves its factory: a global symbol, because the ESM and the
 * CommonJS builds each have their own copy of this module, and a Node app may load both.
 */
const factoryKey = Symbol.for("@colloquy/client/agent-fetch");

/** Called by `@colloquy/client/shims/node`: from then on, clients honour `httpAgent`. */
export function registerAgentFetch(factory: AgentFetchFactory): void {
  (globalThis as Record<symbol, unknown>)[factoryKey] = factory;
}

/** The factory `@colloquy/client/shims/node` registered, if it was imported. */
export function registeredAgentFetch(): AgentFetchFactory | undefined {
  return (globalThis as Record<symbol, AgentFetchFactory | undefined>)[factoryKey];
}
