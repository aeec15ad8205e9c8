import { APIPromise } from "./api-promise.js";
import { AnthropicError } from "./errors.js";
import type { RequestOptions } from "./request-options.js";

/** The client a page uses to fetch its neighbours. */
export interface PageClient {
  getAPIList<Item>(path: string, options: RequestOptions): PagePromise<Item>;
}

export interface PageBody<Item> {
  data?: Item[];
  has_more?: boolean;
  first_id?: string | null;
  last_id?: string | null;
}

/**
 * One page of an ID-cursor list (models, batches). `for await` over a page walks its items and then
 * every following page; `hasNextPage()`/`getNextPage()` page by hand.
 */
export class Page<Item> implements AsyncIterable<Item> {
  // Assigned in the constructor; `declare` spares the bundle an empty field declaration for each.
  declare data: Item[];
  declare has_more: boolean;
  declare first_id: string | null;
  declare last_id: string | null;
  declare readonly response: Response;
  readonly #client: PageClient;
  readonly #options: RequestOptions & { path: string };

  constructor(
    client: PageClient,
    response: Response,
    body: PageBody<Item>,
    options: RequestOptions & { path: string },
  ) {
    this.#client = client;
    this.response = response;
    this.#options = options;
    this.data = body.data ?? [];
    this.has_more = body.has_more ?? false;
    this.first_id = body.first_id ?? null;
    this.last_id = body.last_id ?? null;
  }

  getPaginatedItems(): Item[] {
    return this.data;
  }

  hasNextPage(): boolean {
    return this.#nextPageQuery() !== null;
  }

  /**
   * The query of the next page, or `null` when there is none (`has_more` false, or an empty page):
   * backwards from `first_id` when this walk started with `before_id`, else forwards from `last_id`.
   */
  #nextPageQuery(): Record<string, unknown> | null {
    if (!this.has_more || this.data.length === 0) return null;
    const query = this.#options.query ?? {};
    if (query.before_id) return this.first_id ? { ...query, before_id: this.first_id } : null;
    return this.last_id ? { ...query, after_id: this.last_id } : null;
  }

  async getNextPage(): Promise<Page<Item>> {
    const query = this.#nextPageQuery();
    if (!query) throw new AnthropicError("No next page: check hasNextPage() first.");
    return this.#client.getAPIList<Item>(this.#options.path, { ...this.#options, query });
  }

  async *iterPages(): AsyncGenerator<Page<Item>> {
    let page: Page<Item> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.iterPages()) {
      yield* page.getPaginatedItems();
    }
  }
}

/** An `APIPromise` of a page that can also be walked item by item with `for await`. */
export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    const page = await this;
    yield* page;
  }
}
