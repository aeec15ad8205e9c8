/** Promise helpers shared by the client's tests. Test-only: never part of the build. */

/**
 * The error a promise rejects with; fails the test if it resolves instead. The same helper the cloud
 * clients' tests use (tests may import the mock API; the mock API may not import the client).
 */
export { failure } from "@colloquy/mock-api/clouds/test-cloud-client-suite";

/** Every item of an async iterable, in order, once it ends. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
