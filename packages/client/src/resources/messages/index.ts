// `@colloquy/client/resources/messages/index`: the same module as `resources/messages`.
export * from "../messages.js";
