/** Promise helpers shared by the client's tests. Test-only: never part of the build. */
import { failure } from "@colloquy/mock-api/clouds/test-cloud-client-suite";

/**
 * `failure(promise)`: the error a promise rejects with; fails the test if it resolves instead. The same
 * helper the cloud clients' tests use (tests may import the mock API; the mock API may not import the client).
 */
export { failure };

/** Every item of an async iterable, in order, once it ends. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/**
 * Reads the first item of a stream, aborts its controller while the second read waits for more bytes,
 * and gives the error that second read rejects with (fails the test if it resolves).
 */
export async function failureOfReadAbortedWhileWaiting(
  stream: AsyncIterable<unknown>,
  controller: AbortController,
): Promise<unknown> {
  const iterator = stream[Symbol.asyncIterator]();
  await iterator.next();
  const pending = iterator.next();
  controller.abort();
  return failure(pending);
}
