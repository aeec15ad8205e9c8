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
  TextBlock,
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

interface ListenerEntry {
  listener: (...args: never[]) => void;
  once: boolean;
}

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

  #listeners: { [Event in EventName]?: ListenerEntry[] } = {};
  #rawSubscribers: ((event: MessageStreamEvent) => void)[] = [];
  #accumulator: MessageAccumulator | undefined;
  #currentMessage: Message | undefined;
  #response: Response | null | undefined;
  #requestID: string | null | undefined;
  #ended = false;
  #errored = false;
  #aborted = false;
  #failure: AnthropicError | undefined;
  readonly #connected: Promise<Response | null>;
  readonly #endPromise: Promise<void>;
  #resolveConnected: (response: Response | null) => void = () => {};
  #rejectConnected: (error: AnthropicError) => void = () => {};
  #resolveEnd: () => void = () => {};
  #rejectEnd: (error: AnthropicError) => void = () => {};

  constructor() {
    this.#connected = new Promise((resolve, reject) => {
      this.#resolveConnected = resolve;
      this.#rejectConnected = reject;
    });
    this.#endPromise = new Promise((resolve, reject) => {
      this.#resolveEnd = resolve;
      this.#rejectEnd = reject;
    });
    // A failure is reported through the methods that return these promises; unobserved, it must not
    // become an unhandled rejection.
    this.#connected.catch(() => {});
    this.#endPromise.catch(() => {});
  }

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
    stream.#run(async () => {
      const abort = () => stream.controller.abort();
      if (outer?.aborted) abort();
      outer?.addEventListener("abort", abort);
      try {
        const { data, response, request_id } = await create(stream.controller.signal);
        stream.#connect(response, request_id);
        await stream.#consume(data);
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
    stream.#run(async () => {
      stream.#connect(null, null);
      await stream.#consume(Stream.fromReadableStream<MessageStreamEvent>(readableStream, stream.controller));
    });
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
    const response = await this.#connected;
    if (!response) throw new AnthropicError("Could not resolve a `Response` object");
    return { data: this, response, request_id: response.headers.get("request-id") };
  }

  /** Whether the stream has ended (well or not). */
  get ended(): boolean {
    return this.#ended;
  }

  /** Whether the stream ended with an error or an abort. */
  get errored(): boolean {
    return this.#errored;
  }

  /** Whether the stream was aborted. */
  get aborted(): boolean {
    return this.#aborted;
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
    this.#listeners[event] = [...(this.#listeners[event] ?? []), { listener, once: false }];
    return this;
  }

  /** Removes one registration of a listener; returns this stream for chaining. */
  off<Event extends EventName>(event: Event, listener: MessageStreamEvents[Event]): this {
    const entries = this.#listeners[event];
    if (!entries) return this;
    const index = entries.findIndex((entry) => entry.listener === listener);
    if (index >= 0) this.#listeners[event] = entries.filter((_, position) => position !== index);
    return this;
  }

  /** Adds a listener called at most once; returns this stream for chaining. */
  once<Event extends EventName>(event: Event, listener: MessageStreamEvents[Event]): this {
    this.#listeners[event] = [...(this.#listeners[event] ?? []), { listener, once: true }];
    return this;
  }

  /**
   * Resolves the next time `event` is emitted. Rejects if the stream fails, is aborted or ends first
   * (`emitted("error")` resolves with the error instead).
   * @example
   * const message = await stream.emitted("message");
   */
  emitted<Event extends EventName>(event: Event): Promise<MessageStreamEmitted<Event>> {
    return new Promise((resolve, reject) => {
      if (this.#ended) {
        if (event === "end") resolve(undefined as MessageStreamEmitted<Event>);
        else if (event === "error" && this.#failure && !this.#aborted) resolve(this.#failure as never);
        else
          reject(
            this.#failure ??
              new AnthropicError(`The stream has already ended; "${event}" will not be emitted.`),
          );
        return;
      }
      const settle = (action: () => void) => {
        this.off(event, onEvent as MessageStreamEvents[Event]);
        this.off("error", onError);
        this.off("abort", onError);
        this.off("end", onEnd);
        action();
      };
      const onEvent = (...args: unknown[]) =>
        settle(() => resolve((args.length === 0 ? undefined : args.length === 1 ? args[0] : args) as never));
      const onError = (error: AnthropicError) => settle(() => reject(error));
      const onEnd = () =>
        settle(() => reject(new AnthropicError(`The stream ended without emitting "${event}".`)));
      this.on(event, onEvent as MessageStreamEvents[Event]);
      if (event !== "error") this.on("error", onError);
      if (event !== "abort") this.on("abort", onError);
      if (event !== "end") this.on("end", onEnd);
    });
  }

  /** Resolves when the stream has ended well; rejects with its error or `APIUserAbortError`. */
  async done(): Promise<void> {
    await this.#endPromise;
  }

  /** The complete message; rejects if the stream failed, was cut short or was aborted. */
  async finalMessage(): Promise<Message> {
    await this.#endPromise;
    return this.#finalMessage();
  }

  /** The text blocks of the final message, joined with a space; rejects like `finalMessage()`. */
  async finalText(): Promise<string> {
    await this.#endPromise;
    const texts = this.#finalMessage()
      .content.filter((block): block is TextBlock => block.type === "text")
      .map((block) => block.text);
    if (texts.length === 0)
      throw new AnthropicError("stream ended without producing a content block with type=text");
    return texts.join(" ");
  }

  /** Iterates the raw stream events from now on; `break` aborts the request. */
  [Symbol.asyncIterator](): AsyncIterator<MessageStreamEvent> {
    const queue: MessageStreamEvent[] = [];
    let head = 0;
    let waiting:
      | { resolve: (result: IteratorResult<MessageStreamEvent>) => void; reject: (error: unknown) => void }
      | undefined;
    let finished = this.#ended;
    let failure: AnthropicError | undefined = this.#ended ? this.#failure : undefined;
    const subscriber = (event: MessageStreamEvent) => {
      if (waiting) {
        const reader = waiting;
        waiting = undefined;
        reader.resolve({ value: event, done: false });
      } else {
        queue.push(event);
      }
    };
    const finish = (error?: AnthropicError) => {
      if (finished) return;
      finished = true;
      failure = error;
      const reader = waiting;
      waiting = undefined;
      if (!reader) return;
      if (error) reader.reject(error);
      else reader.resolve({ value: undefined, done: true });
    };
    const unsubscribe = () => {
      this.#rawSubscribers = this.#rawSubscribers.filter((entry) => entry !== subscriber);
      this.off("error", finish).off("abort", finish).off("end", onEnd);
    };
    const onEnd = () => finish();
    if (!finished) {
      this.#rawSubscribers = [...this.#rawSubscribers, subscriber];
      this.on("error", finish).on("abort", finish).on("end", onEnd);
    }
    return {
      next: () => {
        if (head < queue.length) {
          const value = queue[head++]!;
          if (head === queue.length) {
            queue.length = 0;
            head = 0;
          }
          return Promise.resolve({ value, done: false });
        }
        if (finished) {
          unsubscribe();
          return failure ? Promise.reject(failure) : Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => {
          waiting = { resolve, reject };
        });
      },
      return: () => {
        unsubscribe();
        if (!this.#ended) this.abort();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  /** The raw events as newline-delimited JSON, for {@link MessageStream.fromReadableStream} elsewhere. */
  toReadableStream(): ReadableStream<Uint8Array> {
    const events = this[Symbol.asyncIterator]();
    async function* batches(): AsyncGenerator<MessageStreamEvent[], void, undefined> {
      let complete = false;
      try {
        for (;;) {
          const result = await events.next();
          if (result.done) break;
          yield [result.value];
        }
        complete = true;
      } finally {
        if (!complete) await events.return?.();
      }
    }
    return new Stream(batches, this.controller).toReadableStream();
  }

  #finalMessage(): Message {
    const message = this.receivedMessages.at(-1);
    if (!message) throw new AnthropicError("stream ended without producing a Message with role=assistant");
    return message;
  }

  #run(executor: () => Promise<void>): void {
    executor().then(
      () => {
        const message = this.receivedMessages.at(-1);
        if (message) this.#emit("finalMessage", message);
        this.#finish(undefined);
      },
      (error: unknown) => this.#finish(error),
    );
  }

  #connect(response: Response | null, requestID: string | null): void {
    this.#response = response;
    this.#requestID = requestID ?? response?.headers.get("request-id") ?? null;
    this.#resolveConnected(response);
    this.#emit("connect");
  }

  async #consume(data: AsyncIterable<MessageStreamEvent>): Promise<void> {
    const signal = this.controller.signal;
    if (signal.aborted) {
      if (data instanceof Stream) data.controller.abort();
      throw new APIUserAbortError();
    }
    // A plain flag: reading `signal.aborted` for every event costs more than the event itself.
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      // A user abort must also reach a stream whose request was not started with our signal.
      if (data instanceof Stream) data.controller.abort();
    };
    signal.addEventListener("abort", onAbort);
    try {
      if (data instanceof Stream) {
        // Whole chunks at a time: one await per network read rather than one per event.
        outer: for await (const events of (data as Stream<MessageStreamEvent>)[readBatches]()) {
          for (let index = 0; index < events.length; index++) {
            this.#addEvent(events[index]!);
            if (aborted) break outer;
          }
        }
      } else {
        for await (const event of data) {
          this.#addEvent(event);
          if (aborted) break;
        }
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
    if (signal.aborted) throw new APIUserAbortError();
    const accumulator = this.#accumulator;
    if (!accumulator) throw new AnthropicError("The stream ended without sending any event.");
    if (!accumulator.done) throw new StreamTruncatedError();
    this.#currentMessage = undefined;
  }

  #addEvent(event: MessageStreamEvent): void {
    if (this.#ended) return;
    this.#accumulator ??= new MessageAccumulator();
    const accumulator = this.#accumulator;
    accumulator.apply(event);
    const snapshot = accumulator.snapshot;
    const subscribers = this.#rawSubscribers;
    for (let index = 0; index < subscribers.length; index++) subscribers[index]!(event);
    if (!snapshot) return;
    const listeners = this.#listeners;
    if (listeners.streamEvent?.length) this.#emit("streamEvent", event, snapshot);
    switch (event.type) {
      case "message_start":
        this.#currentMessage = snapshot;
        return;
      case "content_block_delta": {
        const block = snapshot.content[event.index];
        if (!block) return;
        const delta = event.delta;
        switch (delta.type) {
          case "text_delta":
            if (block.type === "text" && listeners.text?.length) this.#emit("text", delta.text, block.text);
            return;
          case "citations_delta":
            if (block.type === "text") this.#emit("citation", delta.citation, block.citations ?? []);
            return;
          case "input_json_delta":
            if (listeners.inputJson?.length && "input" in block) {
              this.#emit("inputJson", delta.partial_json, block.input);
            }
            return;
          case "thinking_delta":
            if (block.type === "thinking") this.#emit("thinking", delta.thinking, block.thinking);
            return;
          case "signature_delta":
            if (block.type === "thinking") this.#emit("signature", block.signature);
            return;
        }
        return;
      }
      case "content_block_stop": {
        const block = snapshot.content[event.index];
        if (block) this.#emit("contentBlock", block);
        return;
      }
      case "message_stop":
        this.messages.push({ role: "assistant", content: snapshot.content } as MessageParam);
        this.receivedMessages.push(snapshot);
        this.#emit("message", snapshot);
        return;
    }
  }

  #emit<Event extends EventName>(event: Event, ...args: Parameters<MessageStreamEvents[Event]>): void {
    if (this.#ended) return;
    const entries = this.#listeners[event];
    if (!entries || entries.length === 0) return;
    if (entries.some((entry) => entry.once)) {
      this.#listeners[event] = entries.filter((entry) => !entry.once);
    }
    for (const entry of entries) (entry.listener as (...values: unknown[]) => void)(...args);
  }

  /** Ends the stream: well (`error` undefined), failed or aborted. Runs once. */
  #finish(error: unknown): void {
    if (this.#ended) return;
    if (error === undefined) {
      this.#ended = true;
      this.#resolveEnd();
      this.#emitTerminal("end");
      return;
    }
    const failure = toAnthropicError(error, this.controller.signal.aborted);
    this.#failure = failure;
    this.#errored = true;
    this.#aborted = failure instanceof APIUserAbortError;
    this.#ended = true;
    this.#rejectConnected(failure);
    this.#rejectEnd(failure);
    if (failure instanceof APIUserAbortError) this.#emitTerminal("abort", failure);
    else this.#emitTerminal("error", failure);
    this.#emitTerminal("end");
  }

  /** Emits after `#ended` is set (so nothing else can be emitted), to the listeners of that moment. */
  #emitTerminal<Event extends "error" | "abort" | "end">(
    event: Event,
    ...args: Parameters<MessageStreamEvents[Event]>
  ): void {
    const entries = this.#listeners[event];
    if (!entries) return;
    this.#listeners[event] = entries.filter((entry) => !entry.once);
    for (const entry of entries) (entry.listener as (...values: unknown[]) => void)(...args);
  }
}

function toAnthropicError(error: unknown, aborted: boolean): AnthropicError {
  if (error instanceof AnthropicError) return error;
  // After an abort, a foreign error (a DOMException "AbortError" from fetch) is the abort itself.
  if (aborted) return new APIUserAbortError();
  return new AnthropicError(error instanceof Error ? error.message : String(error), { cause: error });
}
