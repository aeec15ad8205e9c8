// `@colloquy/client/resources/shared`, as the official SDK's path of that name: the error body types.
export * from "../types/shared.js";
