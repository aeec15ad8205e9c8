import { useSyncExternalStore } from "react";

/** The app's pages. */
export type Page = "chat" | "batches" | "settings";

/** A parsed location hash: `#/chat`, `#/chat/<conversation id>`, `#/batches`, `#/batches/<batch id>`, `#/settings`. */
export interface Route {
  page: Page;
  /** The id after the page, when there is one. */
  id: string | null;
}

const PAGES: readonly Page[] = ["chat", "batches", "settings"];

/** Parses a hash such as `#/batches/msgbatch_1`; anything unknown is the chat page. */
export function parseHash(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  return PAGES.includes(page as Page) ? { page: page as Page, id: id || null } : { page: "chat", id: null };
}

export function routeHref(page: Page, id?: string | null): string {
  return id ? `#/${page}/${encodeURIComponent(id)}` : `#/${page}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
}

/** The current route, following `hashchange`. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => "",
  );
  return parseHash(hash);
}

export function navigate(page: Page, id?: string | null): void {
  window.location.hash = routeHref(page, id);
}
