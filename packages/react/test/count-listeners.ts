/** Counts the abort listeners attached to one signal (by wrapping that instance's methods only). */
export function countAbortListeners(signal: AbortSignal) {
  const live = new Set<unknown>();
  let added = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: unknown,
  ) => {
    if (type === "abort") {
      added += 1;
      live.add(listener);
    }
    add(type, listener, options as AddEventListenerOptions);
  }) as AbortSignal["addEventListener"];
  signal.removeEventListener = ((
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: unknown,
  ) => {
    if (type === "abort") live.delete(listener);
    remove(type, listener, options as EventListenerOptions);
  }) as AbortSignal["removeEventListener"];
  return { current: () => live.size, added: () => added };
}
