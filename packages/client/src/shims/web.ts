/**
 * Compatibility with the official SDK's `import "@anthropic-ai/sdk/shims/web"`: this client always uses
 * the web-standard `fetch`, so there is nothing to select.
 */
export {};
