import {
  AnthropicError,
  APIUserAbortError,
  type LinkedSignal,
  linkSignals,
  type MessageStream,
  messageText,
} from "@colloquy/client";
import { cloneMessage } from "./internal/clone-message.js";
import { type CancelFlush, createFlushScheduler, type ScheduleFlush } from "./internal/frame-scheduler.js";
import { Subscribable } from "./internal/subscribable.js";
import type {
  AnthropicClient,
  ContentBlock,
  Message,
  MessageStreamParams,
  RawMessageStreamEvent,
  RequestOptions,
  StopReason,
  Usage,
} from "./internal/types.js";

/**
 * Where a stream is in its life: `idle` before the first `send`, `connecting` until the first event,
 * `streaming` while events arrive, then one of `done`, `error` or `aborted`.
 */
export type MessageStreamStatus = "idle" | "connecting" | "streaming" | "done" | "error" | "aborted";

/** What a component renders: an immutable view of the stream, replaced (never mutated) on every publish. */
export interface MessageStreamSnapshot {
  status: MessageStreamStatus;
  /**
   * The message as far as it has arrived (a new object on every publish); the final message once `done`.
   * Tool input is a partial object while its JSON streams.
   */
  message: Message | null;
  /**
   * The reply's visible text so far, by the client's `messageText` rule: text blocks that follow each
   * other are joined with nothing between them (the API cuts one passage around its citations), text
   * blocks parted by another block (a tool call, a search result, thinking) with a blank line ("\n\n").
   */
  text: string;
  /** The failure when `status` is `error`; `null` otherwise (an abort is not an error). */
  error: AnthropicError | null;
  /** Token usage as last reported (cumulative in `message_delta`). */
  usage: Usage | null;
  stopReason: StopReason | null;
  /** Milliseconds from `send` to the first content delta; `null` before it. */
  firstTokenMs: number | null;
}

/** How a `send` ended. It never rejects: failures are reported here and in the snapshot. */
export type MessageStreamResult =
  | { status: "done"; message: Message }
  | { status: "error"; error: AnthropicError; message: Message | null }
  | { status: "aborted"; message: Message | null };

/** Options of a {@link MessageStreamStore}; all can be changed later with `setOptions`. */
export interface MessageStreamStoreOptions {
  /** The client used by `send`. */
  client?: AnthropicClient | undefined;
  /**
   * How often buffered deltas are published: `undefined` = once per animation frame (about 16 ms where
   * there are no frames), a number = at most once per that many milliseconds, `0` = on every event.
   * The throttle is on the trailing edge only: status changes, errors and the first content of a reply
   * (its first delta, and its first text) are always published at once.
   * @default undefined
   */
  throttleMs?: number | undefined;
  /** Called on every text delta, unthrottled, with the delta and the whole text so far. */
  onText?: ((delta: string, text: string) => void) | undefined;
  /** Called on every raw stream event, unthrottled. */
  onEvent?: ((event: RawMessageStreamEvent) => void) | undefined;
  /** Called once with the final message when a stream completes. */
  onFinish?: ((message: Message) => void) | undefined;
  /** Called once when a stream fails (not when it is aborted). */
  onError?: ((error: AnthropicError) => void) | undefined;
}

interface Run {
  /** Aborted by `stop`, `reset` or the next `send`. */
  controller: AbortController;
  /** The request's signal: this run's controller linked to the caller's signal, unlinked when it settles. */
  link: LinkedSignal;
  stream: MessageStream | null;
  startedAt: number;
  settled: boolean;
  latest: Message | null;
  /** Indexes of tool blocks whose input is still streaming (a live object the client keeps mutating). */
  openInputs: Set<number>;
  /** Whether a block other than text started since the last text block (see `MessageStreamSnapshot.text`). */
  partedSinceText: boolean;
  resolve: (result: MessageStreamResult) => void;
}

/** What `messageText` puts between two passages of text parted by another block. */
const PASSAGE_SEPARATOR = "\n\n";

const idleSnapshot: MessageStreamSnapshot = Object.freeze({
  status: "idle",
  message: null,
  text: "",
  error: null,
  usage: null,
  stopReason: null,
  firstTokenMs: null,
});

/**
 * A framework-free store for one streaming message at a time. It folds the client's `MessageStream` events
 * into immutable snapshots and publishes them through `subscribe`/`getSnapshot` (the shape
 * `useSyncExternalStore` expects), throttling text deltas and publishing status changes at once. Its
 * actions (`send`, `stop`, `reset`) are arrow-function fields: they can be passed around unbound.
 *
 * @example
 * const store = new MessageStreamStore({ client });
 * store.subscribe(() => render(store.getSnapshot().text));
 * const result = await store.send({ model, max_tokens: 1024, messages });
 */
export class MessageStreamStore extends Subscribable {
  #options: MessageStreamStoreOptions;
  #schedule: ScheduleFlush;
  #cancelFlush: CancelFlush | null = null;
  #snapshot: MessageStreamSnapshot = idleSnapshot;
  #run: Run | null = null;
  #text = "";
  #firstTokenMs: number | null = null;

  constructor(options: MessageStreamStoreOptions = {}) {
    super();
    this.#options = { ...options };
    this.#schedule = createFlushScheduler(options.throttleMs);
  }

  /** Replaces some options; a new `throttleMs` applies from the next scheduled flush. */
  setOptions(options: MessageStreamStoreOptions): void {
    if ("throttleMs" in options && options.throttleMs !== this.#options.throttleMs) {
      this.#schedule = createFlushScheduler(options.throttleMs);
    }
    this.#options = { ...this.#options, ...options };
  }

  getSnapshot = (): MessageStreamSnapshot => this.#snapshot;

  /** The snapshot used while rendering on the server and hydrating: always the idle one. */
  getServerSnapshot = (): MessageStreamSnapshot => idleSnapshot;

  /** Whether a stream is connecting or streaming. */
  get active(): boolean {
    return this.#run !== null;
  }

  /**
   * Starts streaming a message, aborting the stream in flight if any. Resolves (never rejects) when the
   * stream ends, with how it ended.
   */
  send = (
    params: MessageStreamParams,
    requestOptions: RequestOptions & { client?: AnthropicClient | undefined } = {},
  ): Promise<MessageStreamResult> => {
    this.#abortRun();
    const { client: clientOverride, ...options } = requestOptions;
    const client = clientOverride ?? this.#options.client;
    return new Promise<MessageStreamResult>((resolve) => {
      const controller = new AbortController();
      const run: Run = {
        controller,
        link: linkSignals(controller.signal, options.signal),
        stream: null,
        startedAt: now(),
        settled: false,
        latest: null,
        openInputs: new Set(),
        partedSinceText: false,
        resolve,
      };
      this.#run = run;
      this.#text = "";
      this.#firstTokenMs = null;
      this.#publish({ ...idleSnapshot, status: "connecting" });

      // The linked signal is this run's own: its listener goes away with it.
      run.link.signal.addEventListener("abort", () => this.#abortIfCurrent(run), { once: true });
      if (!client) {
        this.#fail(
          run,
          new AnthropicError("No client: pass one to the store or wrap the tree in <AnthropicProvider>"),
        );
        return;
      }
      if (run.link.signal.aborted) {
        this.#finishAborted(run);
        return;
      }
      let stream: MessageStream;
      try {
        stream = client.messages.stream(params, { ...options, signal: run.link.signal });
      } catch (error) {
        this.#fail(run, error);
        return;
      }
      run.stream = stream;
      stream.on("streamEvent", (event, snapshot) => {
        if (run.settled) return;
        this.#onEvent(run, event, snapshot ?? stream.currentMessage ?? null);
      });
      stream.finalMessage().then(
        (message) => this.#finishDone(run, message),
        (error: unknown) => {
          if (run.link.signal.aborted || error instanceof APIUserAbortError) this.#finishAborted(run);
          else this.#fail(run, error);
        },
      );
    });
  };

  /** Aborts the stream in flight, keeping what has arrived; status becomes `aborted`. No-op when idle. */
  stop = (): void => {
    const run = this.#run;
    if (!run) return;
    abortRequest(run);
    this.#finishAborted(run);
  };

  /** Aborts any stream in flight and returns to the idle snapshot. */
  reset = (): void => {
    this.#abortRun();
    this.#text = "";
    this.#firstTokenMs = null;
    this.#publish(idleSnapshot);
  };

  #onEvent(run: Run, event: RawMessageStreamEvent, message: Message | null): void {
    run.latest = message;
    this.#options.onEvent?.(event);
    let firstContent = false;
    if (event.type === "content_block_start") this.#startBlock(run, event.index, event.content_block);
    if (event.type === "content_block_delta") {
      firstContent = this.#firstTokenMs === null;
      if (firstContent) this.#firstTokenMs = Math.round(now() - run.startedAt);
      if (event.delta.type === "text_delta") {
        firstContent ||= this.#text === "";
        this.#text += event.delta.text;
        this.#options.onText?.(event.delta.text, this.#text);
      }
    }
    if (event.type === "content_block_stop") run.openInputs.delete(event.index);
    // Leading edge: the first event and the first content show at once; the rest waits for a flush.
    if (this.#snapshot.status === "connecting" || firstContent) {
      this.#cancelFlush?.();
      this.#cancelFlush = null;
      this.#publish(this.#buildStreamingSnapshot(run));
      return;
    }
    if (this.#cancelFlush !== null) return;
    let flushed = false;
    const cancel = this.#schedule(() => {
      flushed = true;
      this.#cancelFlush = null;
      if (this.#run === run && !run.settled) this.#publish(this.#buildStreamingSnapshot(run));
    });
    // With throttleMs 0 the flush has already run synchronously; nothing is pending.
    if (!flushed) this.#cancelFlush = cancel;
  }

  /** Keeps `text` in step with `messageText` as blocks start: a block other than text parts passages. */
  #startBlock(run: Run, index: number, block: ContentBlock): void {
    if ("input" in block) run.openInputs.add(index);
    if (block.type !== "text") {
      run.partedSinceText = true;
      return;
    }
    if (run.partedSinceText && this.#text !== "") this.#text += PASSAGE_SEPARATOR;
    run.partedSinceText = false;
    this.#text += block.text;
  }

  #buildStreamingSnapshot(run: Run, final = false): MessageStreamSnapshot {
    if (final && !run.latest) run.latest = run.stream?.currentMessage ?? null;
    const message = run.latest ? cloneMessage(run.latest, run.openInputs) : null;
    return {
      status: "streaming",
      message,
      text: this.#text,
      error: null,
      usage: message?.usage ?? null,
      stopReason: message?.stop_reason ?? null,
      firstTokenMs: this.#firstTokenMs,
    };
  }

  #finishDone(run: Run, message: Message): void {
    if (!this.#settle(run)) return;
    this.#publish({
      status: "done",
      message,
      text: messageText(message),
      error: null,
      usage: message.usage ?? null,
      stopReason: message.stop_reason ?? null,
      firstTokenMs: this.#firstTokenMs,
    });
    this.#options.onFinish?.(message);
    run.resolve({ status: "done", message });
  }

  #finishAborted(run: Run): void {
    if (!this.#settle(run)) return;
    const snapshot = this.#buildStreamingSnapshot(run, true);
    this.#publish({ ...snapshot, status: "aborted" });
    run.resolve({ status: "aborted", message: snapshot.message });
  }

  #fail(run: Run, cause: unknown): void {
    if (!this.#settle(run)) return;
    const error = toAnthropicError(cause);
    const snapshot = this.#buildStreamingSnapshot(run, true);
    const partial = snapshot.message;
    this.#publish({ ...snapshot, status: "error", error });
    this.#options.onError?.(error);
    run.resolve({ status: "error", error, message: partial });
  }

  /** Marks the run finished; false when it already was (a late event or a second outcome). */
  #settle(run: Run): boolean {
    if (run.settled) return false;
    run.settled = true;
    run.link.unlink();
    if (this.#run === run) {
      this.#run = null;
      this.#cancelFlush?.();
      this.#cancelFlush = null;
    }
    return true;
  }

  #abortIfCurrent(run: Run): void {
    if (this.#run !== run) return;
    abortRequest(run);
    this.#finishAborted(run);
  }

  /** Aborts the request of the run in flight without publishing; its `send` resolves as aborted. */
  #abortRun(): void {
    const run = this.#run;
    if (!run) return;
    // No longer current first, so the abort listener of the run does not publish.
    this.#run = null;
    this.#cancelFlush?.();
    this.#cancelFlush = null;
    abortRequest(run);
    if (!run.settled) {
      run.settled = true;
      run.link.unlink();
      const latest = run.latest ?? run.stream?.currentMessage ?? null;
      run.resolve({ status: "aborted", message: latest ? cloneMessage(latest, run.openInputs) : null });
    }
  }

  #publish(snapshot: MessageStreamSnapshot): void {
    this.#snapshot = snapshot;
    this.notify();
  }
}

function abortRequest(run: Run): void {
  run.controller.abort();
  try {
    run.stream?.abort();
  } catch {
    // The stream may already be finished; aborting the controller is what matters.
  }
}

function toAnthropicError(cause: unknown): AnthropicError {
  if (cause instanceof AnthropicError) return cause;
  const error = new AnthropicError(cause instanceof Error ? cause.message : String(cause));
  (error as { cause?: unknown }).cause = cause;
  return error;
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
