import { APIPromise, type APIResponseProps } from "./api-promise.js";
import { AnthropicError } from "./errors.js";
import type { RequestOptions } from "./request-options.js";

/** The client a page uses to fetch its neighbours. */
export interface PageClient {
  getAPIList<Item>(path: string, options: RequestOptions): PagePromise<Item>;
}

interface PageBody<Item> {
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
  data: Item[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;

  constructor(
    private readonly client: PageClient,
    readonly response: Response,
    body: PageBody<Item>,
    private readonly options: RequestOptions & { path: string },
  ) {
    this.data = body.data ?? [];
    this.has_more = body.has_more ?? false;
    this.first_id = body.first_id ?? null;
    this.last_id = body.last_id ?? null;
  }

  getPaginatedItems(): Item[] {
    return this.data;
  }

  hasNextPage(): boolean {
    if (!this.has_more || this.data.length === 0) return false;
    return this.nextPageQuery() !== null;
  }

  /** The query of the next page: backwards when this walk started with `before_id`, else forwards. */
  nextPageQuery(): Record<string, unknown> | null {
    const query = (this.options.query ?? {}) as Record<string, unknown>;
    if (query.before_id) return this.first_id ? { ...query, before_id: this.first_id } : null;
    return this.last_id ? { ...query, after_id: this.last_id } : null;
  }

  async getNextPage(): Promise<Page<Item>> {
    const query = this.nextPageQuery();
    if (!this.has_more || query === null) {
      throw new AnthropicError("No next page: check hasNextPage() first.");
    }
    return this.client.getAPIList<Item>(this.options.path, { ...this.options, query });
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
  constructor(
    client: PageClient,
    responsePromise: Promise<APIResponseProps>,
    options: RequestOptions & { path: string },
  ) {
    super(responsePromise, async (props) => {
      const body = (await props.response.json()) as PageBody<Item>;
      return new Page<Item>(client, props.response, body, options);
    });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    const page = await this;
    yield* page;
  }
}
