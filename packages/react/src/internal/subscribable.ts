/**
 * The listener set every store of this package shares, as TanStack query-core's `Subscribable`: a
 * `subscribe` bound to the instance (so it can be handed to `useSyncExternalStore` as it is) and a
 * `notify` for subclasses to call after each change.
 */
export class Subscribable {
  #listeners = new Set<() => void>();

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** Whether anything is subscribed. */
  hasListeners(): boolean {
    return this.#listeners.size > 0;
  }

  /** Tells every listener that the state changed. */
  protected notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
