/** What `linkSignals` returns: the linked signal, and the function that detaches it from its sources. */
export interface LinkedSignal {
  /** Aborts, with the source's reason, as soon as any source aborts. */
  readonly signal: AbortSignal;
  /** Removes every listener this link added to its sources. Safe to call more than once. */
  readonly unlink: () => void;
}

/**
 * One signal that aborts when any of `sources` aborts, carrying that source's reason. Unlike
 * `AbortSignal.any`, the link can be undone: call `unlink()` once the work it guards has ended, so a
 * long-lived source (a page's signal, a React Query signal) does not collect one listener per request.
 * `null` and `undefined` sources are skipped; an already aborted source aborts the result at once.
 */
export function linkSignals(...sources: ReadonlyArray<AbortSignal | null | undefined>): LinkedSignal {
  const controller = new AbortController();
  const attached: AbortSignal[] = [];
  const unlink = () => {
    for (const source of attached) source.removeEventListener("abort", onAbort);
    attached.length = 0;
  };
  function onAbort(this: AbortSignal) {
    unlink();
    controller.abort(this.reason);
  }
  for (const source of sources) {
    if (!source) continue;
    if (source.aborted) {
      unlink();
      controller.abort(source.reason);
      break;
    }
    source.addEventListener("abort", onAbort);
    attached.push(source);
  }
  return { signal: controller.signal, unlink };
}
