/**
 * Compatibility with the official SDK's `import "@anthropic-ai/sdk/shims/node"`: Node >= 20 has a
 * web-standard `fetch`, so there is nothing to polyfill.
 */
export {};
