/** Small JSON field checks shared by the validators; each throws a 400 naming the field's path. */
import { invalidRequest, type MockApiError } from "../errors.js";

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}

export function expectString(value: unknown, path: string, options: { nonEmpty?: boolean } = {}): string {
  if (typeof value !== "string")
    throw invalidRequest(`${path}: Input should be a valid string, got ${describe(value)}`);
  if (options.nonEmpty && value.length === 0)
    throw invalidRequest(`${path}: String should have at least 1 character`);
  return value;
}

export function expectObject(value: unknown, path: string): Json {
  if (!isObject(value))
    throw invalidRequest(`${path}: Input should be a valid dictionary or object, got ${describe(value)}`);
  return value;
}

export function expectArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value))
    throw invalidRequest(`${path}: Input should be a valid list, got ${describe(value)}`);
  return value;
}

export function expectNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw invalidRequest(`${path}: Input should be a valid number, got ${describe(value)}`);
  }
  if (value < min || value > max) throw invalidRequest(`${path}: Input should be between ${min} and ${max}`);
  return value;
}

export function expectInteger(value: unknown, path: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw invalidRequest(`${path}: Input should be a valid integer, got ${describe(value)}`);
  }
  if (value < min) throw invalidRequest(`${path}: Input should be greater than or equal to ${min}`);
  return value;
}

/** The 400 for a `type` tag a tagged union does not have, listing the tags it expects (if any are named). */
export function unknownTag(value: unknown, path: string, tags: readonly string[]): MockApiError {
  const expected = tags.length > 0 ? `: ${tags.map((tag) => `'${tag}'`).join(", ")}` : "";
  return invalidRequest(
    `${path}: Input tag '${String(value)}' found using 'type' does not match any of the expected tags${expected}`,
  );
}

/** Reads the `type` tag of a tagged union; throws `unknownTag` unless it is one of `tags`. */
export function expectTag<Tag extends string>(value: unknown, path: string, tags: readonly Tag[]): Tag {
  if (typeof value !== "string" || !(tags as readonly string[]).includes(value))
    throw unknownTag(value, path, tags);
  return value as Tag;
}

/** Counts `cache_control` breakpoints so the request can be checked against the limit of 4. */
