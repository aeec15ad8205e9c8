import { AnthropicError, APIUserAbortError, StreamTruncatedError } from "./errors.js";
import { MessageAccumulator } from "./internal/message-accumulator.js";
import { readBatches, Stream } from "./streaming/stream.js";
import type {
  ContentBlock,
  Message,
  MessageParam,
  MessageStreamEvent,
  MessageStreamParams,
  RawMessageStreamEvent,
  TextCitation,
} from "./types/index.js";

/** The events a {@link MessageStream} emits, with their listener signatures. */
export interface MessageStreamEvents {
  /** The response headers arrived. */
  connect: () => void;
  /** Every stream event, with the message snapshot after it. */
  streamEvent: (event: MessageStreamEvent, snapshot: Message) => void;
  text: (textDelta: string, textSnapshot: string) => void;
  citation: (citation: TextCitation, citationsSnapshot: TextCitation[]) => void;
  /** A tool input fragment and the input parsed so far (a live partial value, O(1) to get). */
  inputJson: (partialJson: string, jsonSnapshot: unknown) => void;
  thinking: (thinkingDelta: string, thinkingSnapshot: string) => void;
  signature: (signature: string) => void;
  /** A complete message (at `message_stop`). */
  message: (message: Message) => void;
  /** A complete content block (at `content_block_stop`). */
  contentBlock: (content: ContentBlock) => void;
  /** The last message, once the stream ended well. */
  finalMessage: (message: Message) => void;
  error: (error: AnthropicError) => void;
  abort: (error: APIUserAbortError) => void;
  /** Always last, after `finalMessage`, `error` or `abort`. */
  end: () => void;
}

type EventName = keyof MessageStreamEvents;

/** What `emitted(event)` resolves with: the listener's only argument, nothing, or all its arguments. */
export type MessageStreamEmitted<Event extends EventName> =
  Parameters<MessageStreamEvents[Event]> extends [infer Only]
    ? Only
    : Parameters<MessageStreamEvents[Event]> extends []
      ? undefined
      : Parameters<MessageStreamEvents[Event]>;

/** Starts the request of a {@link MessageStream}; the client passes `messages.create(...).withResponse()`. */
export type MessageStreamRequest = (signal: AbortSignal) => Promise<{
  data: Stream<RawMessageStreamEvent>;
  response: Response;
  request_id: string | null;
}>;

type Listener = (...args: never[]) => void;

/** Listeners by event; `_raw` feeds the async iterator. Arrays are replaced, never mutated, so an emit can iterate safely. */
type Listeners = Record<string, { listener: Listener; once: boolean }[] | undefined>;

/**
 * A streamed reply with helpers, as `client.messages.stream()` returns: events (`text`, `inputJson`,
 * `message`, ...), `await stream.finalMessage()`, `for await` over the raw events, `abort()`.
 *
 * Stricter than the official SDK: a stream that fails, is cut before `message_stop` or is aborted
 * rejects `finalMessage()`/`finalText()`/`done()`, and no failure ever surfaces as an unhandled
 * promise rejection: observe it with an `error` listener or by awaiting one of those methods.
 *
 * @example
 * const stream = client.messages.stream({ model, max_tokens: 1024, messages }).on("text", (text) => write(text));
 * const message = await stream.finalMessage();
 */
export class MessageStream implements AsyncIterable<MessageStreamEvent> {
  /** The conversation sent, then each message received, as `MessageParam`s. */
  messages: MessageParam[] = [];
  /** Every complete message received. */
  receivedMessages: Message[] = [];
  /** Aborts the request; `abort()` is a shortcut. */
  readonly controller: AbortController = new AbortController();

  #listeners: Listeners = {};
  #accumulator = new MessageAccumulator();
  #currentMessage: Message | undefined;
  #response: Response | null | undefined;
  #requestID: string | null | undefined;
  #ended = false;
  /** Why the stream failed: an `APIUserAbortError` when it was aborted. */
  #failure: AnthropicError | undefined;
  readonly #connected = deferred<Response | null>();
  readonly #end = deferred<void>();

  /**
   * Starts a streamed message: `create(signal)` makes the request (with `stream: true`) and returns its
   * `withResponse()`. `options.signal` aborts it from outside; `options.params` fills `messages`.
   */
  static createMessage(
    create: MessageStreamRequest,
    options: { signal?: AbortSignal | null | undefined; params?: Pick<MessageStreamParams, "messages"> } = {},
  ): MessageStream {
    const stream = new MessageStream();
    if (options.params) stream.messages.push(...options.params.messages);
    const outer = options.signal;
    const abort = () => stream.abort();
    if (outer?.aborted) abort();
    outer?.addEventListener("abort", abort);
    stream.#run(async () => {
      try {
        const { data, response, request_id } = await create(stream.controller.signal);
        await stream.#consume(data, response, request_id);
      } finally {
        outer?.removeEventListener("abort", abort);
      }
    });
    return stream;
  }

  /**
   * Reads a stream that `toReadableStream()` produced (typically on a server, sent to a browser).
   * Messages sent to the model are not known here, so `messages` holds only the replies.
   */
  static fromReadableStream(readableStream: ReadableStream): MessageStream {
    const stream = new MessageStream();
    stream.#run(() =>
      stream.#consume(
        Stream.fromReadableStream<MessageStreamEvent>(readableStream, stream.controller),
        null,
        null,
      ),
    );
    return stream;
  }

  /** The raw response, once connected (`null` for a stream read from a `ReadableStream`). */
  get response(): Response | null | undefined {
    return this.#response;
  }

  /** The `request-id` response header, once connected. */
  get request_id(): string | null | undefined {
    return this.#requestID;
  }

  /** The stream itself, the raw `Response` and its `request-id`, once the headers arrived. */
  async withResponse(): Promise<{
    data: MessageStream;
    response: Response;
    request_id: string | null | undefined;
  }> {
    const response = await this.#connected.promise;
    if (!response) throw new AnthropicError("Could not resolve a `Response` object");
    return { data: this, response, request_id: response.headers.get("request-id") };
  }

  /** Whether the stream has ended (well or not). */
  get ended(): boolean {
    return this.#ended;
  }

  /** Whether the stream ended with an error or an abort. */
  get errored(): boolean {
    return this.#failure !== undefined;
  }

  /** Whether the stream was aborted. */
  get aborted(): boolean {
    return this.#failure instanceof APIUserAbortError;
  }

  /** The message being received, from `message_start` until the stream ends. */
  get currentMessage(): Message | undefined {
    return this.#currentMessage;
  }

  /** Aborts the request: `finalMessage()` then rejects with `APIUserAbortError`. */
  abort(): void {
    this.controller.abort();
  }

  /** Adds a listener; returns this stream for chaining. */
  on<Event extends EventName>(event: Event, listener: MessageStreamEvents[Event]): this {
    return this.#add(event, listener, false);
  }

  /** Adds a listener called at most once; returns this stream for chaining. */
  once<Event extends EventName>(event: Event, listener: MessageStreamEvents[Event]): this {
    return this.#add(event, listener, true);
  }

  /** Removes one registration of a listener; returns this stream for chaining. */
  off<Event extends EventName>(event: Event, listener: MessageStreamEvents[Event]): this {
    const entries = this.#listeners[event] ?? [];
    const index = entries.findIndex((entry) => entry.listener === listener);
    if (index >= 0) this.#listeners[event] = entries.filter((_, position) => position !== index);
    return this;
  }

  /**
   * Resolves the next time `event` is emitted. Rejects with the stream's error if it fails or is
   * aborted first, or if it ends without that event (`emitted("error")` resolves with the error).
   * @example
   * const message = await stream.emitted("message");
   */
  emitted<Event extends EventName>(event: Event): Promise<MessageStreamEmitted<Event>> {
    return new Promise((resolve, reject) => {
      const onEvent = (...args: unknown[]) => {
        this.off("end", onEnd);
        resolve((args.length > 1 ? args : args[0]) as MessageStreamEmitted<Event>);
      };
      const onEnd = () => {
        this.off(event, onEvent as MessageStreamEvents[Event]);
        reject(this.#failure ?? new AnthropicError(`The stream ended without emitting "${event}".`));
      };
      if (this.#ended) {
        if (event === "end") onEvent();
        else if (event === (this.aborted ? "abort" : "error") && this.#failure) onEvent(this.#failure);
        else onEnd();
        return;
      }
      this.once(event, onEvent as MessageStreamEvents[Event]);
      if (event !== "end") this.once("end", onEnd);
    });
  }

  /** Resolves when the stream has ended well; rejects with its error or `APIUserAbortError`. */
  async done(): Promise<void> {
    await this.#end.promise;
  }

  /** The complete message; rejects if the stream failed, was cut short or was aborted. */
  async finalMessage(): Promise<Message> {
    await this.#end.promise;
    const message = this.receivedMessages.at(-1);
    if (!message) throw new AnthropicError("stream ended without producing a Message with role=assistant");
    return message;
  }

  /** The text blocks of the final message, joined with a space; rejects like `finalMessage()`. */
  async finalText(): Promise<string> {
    const texts = (await this.finalMessage()).content.flatMap((block) =>
      block.type === "text" ? [block.text] : [],
    );
    if (texts.length === 0)
      throw new AnthropicError("stream ended without producing a content block with type=text");
    return texts.join(" ");
  }

  /** Iterates the raw stream events from now on; `break` aborts the request. */
  [Symbol.asyncIterator](): AsyncIterator<MessageStreamEvent> {
    const queue: MessageStreamEvent[] = [];
    let wake: (() => void) | undefined;
    const onEvent = (event: MessageStreamEvent) => {
      queue.push(event);
      wake?.();
    };
    const onEnd = () => wake?.();
    // Registered now, not at the first `next()`, so that no event in between is missed.
    if (!this.#ended) this.on("_raw" as EventName, onEvent as never).on("end", onEnd);
    const stream = this;
    return (async function* events() {
      try {
        for (;;) {
          if (queue.length > 0) yield queue.shift()!;
          else if (stream.#failure) throw stream.#failure;
          else if (stream.#ended) return;
          else
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
        }
      } finally {
        stream.off("_raw" as EventName, onEvent as never).off("end", onEnd);
        if (!stream.#ended) stream.abort();
      }
    })();
  }

  /** The raw events as newline-delimited JSON, for {@link MessageStream.fromReadableStream} elsewhere. */
  toReadableStream(): ReadableStream<Uint8Array> {
    const events = this;
    return new Stream(async function* () {
      for await (const event of events) yield [event];
    }, this.controller).toReadableStream();
  }

  #add(event: string, listener: Listener, once: boolean): this {
    this.#listeners[event] = [...(this.#listeners[event] ?? []), { listener, once }];
    return this;
  }

  #emit<Event extends EventName>(event: Event, ...args: Parameters<MessageStreamEvents[Event]>): void {
    if (this.#ended) return;
    if (event === "end") this.#ended = true;
    const entries = this.#listeners[event];
    if (!entries) return;
    if (entries.some((entry) => entry.once)) this.#listeners[event] = entries.filter((entry) => !entry.once);
    for (const entry of entries) (entry.listener as (...values: unknown[]) => void)(...args);
  }

  #run(executor: () => Promise<void>): void {
    executor().then(
      () => {
        const message = this.receivedMessages.at(-1);
        if (message) this.#emit("finalMessage", message);
        this.#end.resolve();
        this.#emit("end");
      },
      (error: unknown) => {
        // A foreign "AbortError" (from fetch) is the abort itself; any other foreign error (a malformed
        // event breaking the accumulator) is a failure, even though reading stopped by aborting.
        const failure =
          error instanceof AnthropicError
            ? error
            : (error as Error)?.name === "AbortError"
              ? new APIUserAbortError()
              : new AnthropicError(String((error as Error)?.message ?? error), { cause: error });
        this.#failure = failure;
        this.#connected.reject(failure);
        this.#end.reject(failure);
        this.#emit(this.aborted ? "abort" : "error", failure as APIUserAbortError);
        this.#emit("end");
      },
    );
  }

  async #consume(
    data: Stream<MessageStreamEvent>,
    response: Response | null,
    requestID: string | null,
  ): Promise<void> {
    this.#response = response;
    this.#requestID = requestID ?? response?.headers.get("request-id") ?? null;
    this.#connected.resolve(response);
    this.#emit("connect");
    const signal = this.controller.signal;
    // A plain flag: reading `signal.aborted` for every event costs more than the event itself.
    let aborted = signal.aborted;
    // A user abort must also reach a stream whose request was not started with our signal.
    const onAbort = () => {
      aborted = true;
      data.controller.abort();
    };
    if (aborted) onAbort();
    signal.addEventListener("abort", onAbort);
    try {
      // Whole chunks at a time: one await per network read rather than one per event.
      outer: for await (const events of data[readBatches]()) {
        for (const event of events) {
          this.#addEvent(event);
          if (aborted) break outer;
        }
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
    if (aborted) throw new APIUserAbortError();
    if (!this.#accumulator.done) throw new StreamTruncatedError();
    this.#currentMessage = undefined;
  }

  #addEvent(event: MessageStreamEvent): void {
    const accumulator = this.#accumulator;
    accumulator.apply(event);
    const snapshot = accumulator.snapshot!;
    const listeners = this.#listeners;
    if (listeners._raw) this.#emit("_raw" as EventName, event as never);
    if (listeners.streamEvent) this.#emit("streamEvent", event, snapshot);
    switch (event.type) {
      case "message_start":
        this.#currentMessage = snapshot;
        break;
      case "content_block_delta": {
        const block = snapshot.content[event.index]!;
        const delta = event.delta;
        if (delta.type === "text_delta" && block.type === "text") {
          if (listeners.text) this.#emit("text", delta.text, block.text);
        } else if (delta.type === "citations_delta" && block.type === "text") {
          this.#emit("citation", delta.citation, block.citations ?? []);
        } else if (delta.type === "input_json_delta") {
          if (listeners.inputJson && "input" in block)
            this.#emit("inputJson", delta.partial_json, block.input);
        } else if (delta.type === "thinking_delta" && block.type === "thinking") {
          this.#emit("thinking", delta.thinking, block.thinking);
        } else if (delta.type === "signature_delta" && block.type === "thinking") {
          this.#emit("signature", block.signature);
        }
        break;
      }
      case "content_block_stop":
        this.#emit("contentBlock", snapshot.content[event.index]!);
        break;
      case "message_stop":
        this.messages.push({ role: "assistant", content: snapshot.content } as MessageParam);
        this.receivedMessages.push(snapshot);
        this.#emit("message", snapshot);
    }
  }
}

/**
 * A promise with its settle functions. A failure is reported through the methods that return the
 * promise; unobserved, it must not become an unhandled rejection.
 */
function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}
