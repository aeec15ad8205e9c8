// `@colloquy/client/resources/beta/messages/index`: the same module as `resources/beta/messages`.
export * from "../messages.js";
