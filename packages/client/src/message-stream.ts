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
  /**
   * A tool input fragment and the input so far: a live partial value, built from the fragments that
   * arrived since it was last read (only when an `inputJson` listener is registered).
   */
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

/** What a request resolves with: the event stream and its response (`null` for a stream read from a `ReadableStream`). */
interface StreamStart {
  data: Stream<MessageStreamEvent>;
  response: Response | null;
}

type Listener = (...args: never[]) => void;

/** One registration of a listener; a listener added twice is called twice. */
interface Registration {
  listener: Listener;
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

  /** By event; arrays are replaced, never mutated, so that an emit can iterate safely. */
  #listeners: Record<string, Registration[] | undefined> = {};
  #accumulator = new MessageAccumulator();
  #response: Response | null | undefined;
  #requestID: string | null | undefined;
  #ended = false;
  /** Why the stream failed: an `APIUserAbortError` when it was aborted. */
  #failure: AnthropicError | undefined;
  /**
   * Settles once the stream has ended, before `error`/`abort` and `end` are emitted: a throwing
   * listener cannot hold it. Never, for a stream that was not started.
   */
  #end: Promise<void> = new Promise(() => {});

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
    // Registered before any listener of the caller, so that none can skip it.
    stream.once("end", () => outer?.removeEventListener("abort", abort));
    stream.#run(create);
    return stream;
  }

  /**
   * Reads a stream that `toReadableStream()` produced (typically on a server, sent to a browser).
   * Messages sent to the model are not known here, so `messages` holds only the replies.
   */
  static fromReadableStream(readableStream: ReadableStream): MessageStream {
    const stream = new MessageStream();
    stream.#run(async () => ({
      data: Stream.fromReadableStream<MessageStreamEvent>(readableStream, stream.controller),
      response: null,
    }));
    return stream;
  }

  /** The raw response, once connected (`null` for a stream read from a `ReadableStream`). */
  get response(): Response | null | undefined {
    return this.#response;
  }

  /** The `request-id` response header, once connected (`null` without a response). */
  get request_id(): string | null | undefined {
    return this.#requestID;
  }

  /** The `anthropic-workspace-id` response header, once connected (`null` without it or a response). */
  get workspace_id(): string | null | undefined {
    if (this.#response === undefined) return undefined;
    return this.#response?.headers.get("anthropic-workspace-id") ?? null;
  }

  /** The stream itself, the raw `Response` and its `request-id`, once the headers arrived. */
  async withResponse(): Promise<{
    data: MessageStream;
    response: Response;
    request_id: string | null | undefined;
    workspace_id: string | null | undefined;
  }> {
    if (this.#response === undefined) await this.emitted("connect");
    const response = this.#response;
    if (!response) throw new AnthropicError("Could not resolve a `Response` object");
    return { data: this, response, request_id: this.#requestID, workspace_id: this.workspace_id };
  }

  /** Whether the stream has ended (well or not). */
  get ended(): boolean {
    return this.#ended;
  }

  /** Whether the stream ended with an error or an abort. */
  get errored(): boolean {
    return !!this.#failure;
  }

  /** Whether the stream was aborted. */
  get aborted(): boolean {
    return this.#failure instanceof APIUserAbortError;
  }

  /** The message being received, from `message_start` until the stream ends. */
  get currentMessage(): Message | undefined {
    return this.#ended && !this.#failure ? undefined : this.#accumulator.snapshot;
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
    this.#remove(
      event,
      this.#listeners[event]?.find((registration) => registration.listener === listener),
    );
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
      const failure = this.#failure;
      if (!this.#ended)
        this.once(event, ((...args: unknown[]) =>
          resolve(
            (args.length > 1 ? args : args[0]) as MessageStreamEmitted<Event>,
          )) as MessageStreamEvents[Event]);
      // Once ended, `end` and the event of its failure were the last ones emitted.
      else if (event === "end" || (failure && event === (this.aborted ? "abort" : "error")))
        resolve((event === "end" ? undefined : failure) as MessageStreamEmitted<Event>);
      // `#end` settles before the last events are emitted, and its handlers run after them.
      this.#end.then(() => reject(new AnthropicError(`The stream ended without "${event}"`)), reject);
    });
  }

  /** Resolves when the stream has ended well; rejects with its error or `APIUserAbortError`. */
  done(): Promise<void> {
    return this.#end;
  }

  /** The complete message; rejects if the stream failed, was cut short or was aborted. */
  async finalMessage(): Promise<Message> {
    await this.#end;
    const message = this.receivedMessages.at(-1);
    // Not expected: a stream ends well only after a message_stop.
    if (!message) throw new AnthropicError("stream ended without producing a Message with role=assistant");
    return message;
  }

  /** The text blocks of the final message, joined with a space; rejects like `finalMessage()`. */
  async finalText(): Promise<string> {
    const texts = (await this.finalMessage()).content
      .filter((block) => block.type === "text")
      .map((block) => block.text);
    if (texts.length === 0)
      throw new AnthropicError("stream ended without producing a content block with type=text");
    return texts.join(" ");
  }

  /** Iterates the raw stream events from now on; `break` aborts the request. */
  [Symbol.asyncIterator](): AsyncIterator<MessageStreamEvent> {
    return this.#events()[Symbol.asyncIterator]();
  }

  /** The raw events as newline-delimited JSON, for {@link MessageStream.fromReadableStream} elsewhere. */
  toReadableStream(): ReadableStream<Uint8Array> {
    return this.#events().toReadableStream();
  }

  /** The events from now on as a {@link Stream}; ending it early aborts this stream. */
  #events(): Stream<MessageStreamEvent> {
    const queue: MessageStreamEvent[] = [];
    /** Resumes a reader waiting for the next event or the end. */
    let wake: (() => void) | undefined;
    // Registered now, not when reading starts, so that no event in between is missed. They stay
    // registered: once reading ends, the stream has ended or (ended early) is aborted.
    if (!this.#ended) {
      this.on("streamEvent", (event) => {
        queue.push(event);
        wake?.();
      }).once("end", () => wake?.());
    }
    const stream = this;
    return new Stream(async function* batches() {
      try {
        for (;;) {
          const batch = queue.splice(0);
          if (batch.length > 0) yield batch;
          // Ended: return, or throw the failure.
          else if (stream.#ended) return await stream.#end;
          // Until the next event or the end: one waiter at a time, nothing left behind per wait.
          else
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
        }
      } finally {
        if (!stream.#ended) stream.abort();
      }
    }, this.controller);
  }

  #add(event: string, listener: Listener, once: boolean): this {
    this.#listeners[event] = [...(this.#listeners[event] ?? []), { listener, once }];
    return this;
  }

  #remove(event: string, registration: Registration | undefined): void {
    this.#listeners[event] = this.#listeners[event]?.filter((entry) => entry !== registration);
  }

  /** Calls the listeners of `event` (the arguments are those of {@link MessageStreamEvents}). */
  #emit(event: EventName, ...args: unknown[]): void {
    for (const registration of this.#listeners[event] ?? []) {
      if (registration.once) this.#remove(event, registration);
      (registration.listener as (...values: unknown[]) => void)(...args);
    }
  }

  /** Reads the stream to its end, then emits `error` or `abort` if it failed, and `end`. */
  #run(create: MessageStreamRequest | ((signal: AbortSignal) => Promise<StreamStart>)): void {
    const end = this.#consume(create).catch((error: unknown) => {
      this.#failure = asFailure(error);
      throw this.#failure;
    });
    this.#end = end;
    const finish = () => {
      const failure = this.#failure;
      if (failure) this.#emit(this.aborted ? "abort" : "error", failure);
      this.#ended = true;
      this.#emit("end");
    };
    // Also handles `end`'s rejection: a failure nobody awaits is no unhandled rejection.
    end.then(finish, finish);
  }

  async #consume(create: (signal: AbortSignal) => Promise<StreamStart>): Promise<void> {
    const signal = this.controller.signal;
    const { data, response } = await create(signal);
    this.#response = response;
    this.#requestID = response?.headers.get("request-id") ?? null;
    this.#emit("connect");
    // A plain flag: reading `signal.aborted` for every event costs more than the event itself. The
    // request stops through `signal` itself (the client links it to the request's controller).
    let aborted = signal.aborted;
    signal.addEventListener("abort", () => {
      aborted = true;
    });
    // Folds in the events of one chunk, stopping at once if a listener aborts the stream. A function
    // of its own rather than a loop in this async one, so that the engine compiles it like any hot
    // function instead of recompiling `#consume` mid-loop for every stream.
    const addEvents = (events: MessageStreamEvent[]) => {
      for (const event of events) {
        this.#addEvent(event);
        if (aborted) throw new APIUserAbortError();
      }
    };
    // Whole chunks at a time: one await per network read rather than one per event. An abort during
    // a read ends the read itself (with `APIUserAbortError`).
    for await (const events of data[readBatches]()) addEvents(events);
    if (!this.#accumulator.done) throw new StreamTruncatedError();
    this.#emit("finalMessage", this.receivedMessages.at(-1));
  }

  #addEvent(event: MessageStreamEvent): void {
    const accumulator = this.#accumulator;
    const applied = accumulator.apply(event);
    // There is one: `apply` throws for any event before message_start.
    const snapshot = accumulator.message;
    const listeners = this.#listeners;
    if (listeners.streamEvent) this.#emit("streamEvent", event, snapshot);
    // Not for a delta the accumulator ignored (to a block type it does not know).
    if (event.type === "content_block_delta" && applied) {
      const delta = event.delta;
      const block = snapshot.content[event.index] as ContentBlock & Record<string, never>;
      // A switch on literals: on the path of every event, faster than a lookup by the parsed type.
      switch (delta.type) {
        case "text_delta":
          if (listeners.text) this.#emit("text", delta.text, block.text);
          break;
        case "input_json_delta":
          // Only with a listener: reading the input parses what arrived since the last read.
          if (listeners.inputJson) this.#emit("inputJson", delta.partial_json, block.input);
          break;
        case "citations_delta":
          this.#emit("citation", delta.citation, block.citations);
          break;
        case "thinking_delta":
          this.#emit("thinking", delta.thinking, block.thinking);
          break;
        case "signature_delta":
          this.#emit("signature", delta.signature);
      }
    } else if (event.type === "content_block_stop") {
      this.#emit("contentBlock", snapshot.content[event.index]);
    } else if (event.type === "message_stop") {
      this.#addMessage(snapshot);
    }
  }

  /**
   * Records a complete message and emits `message`. Its own method, called once per message, so that
   * the engine leaves it out of the compiled per-event code of `#addEvent`: its first push onto a new
   * stream's empty `receivedMessages` would otherwise throw that code away (a deoptimization).
   */
  #addMessage(message: Message): void {
    this.messages.push({ role: "assistant", content: message.content } as MessageParam);
    this.receivedMessages.push(message);
    this.#emit("message", message);
  }
}

/**
 * The error a failed stream reports: our own errors as they are; a foreign "AbortError" (from fetch)
 * is the abort itself; any other foreign error (a throwing listener, say) is a failure, even though
 * reading stopped by aborting.
 */
function asFailure(error: unknown): AnthropicError {
  if (error instanceof AnthropicError) return error;
  if ((error as Error | null)?.name === "AbortError") return new APIUserAbortError();
  return new AnthropicError(String(error), { cause: error });
}
