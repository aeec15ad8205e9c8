import { describe, expect, it } from "vitest";
import { paginate } from "./pagination.js";

const items = ["e", "d", "c", "b", "a"].map((id) => ({ id }));
const page = (query: string) => paginate(items, new URLSearchParams(query));

describe("ID-cursor pagination", () => {
  it.each([
    { name: "returns the first page with has_more", query: "limit=2", ids: ["e", "d"], hasMore: true },
    {
      name: "continues after after_id and stops at the end",
      query: "limit=2&after_id=c",
      ids: ["b", "a"],
      hasMore: false,
    },
    {
      name: "returns the items just before before_id",
      query: "limit=2&before_id=b",
      ids: ["d", "c"],
      hasMore: true,
    },
  ])("$name, with first_id and last_id", ({ query, ids, hasMore }) => {
    expect(page(query)).toEqual({
      data: ids.map((id) => ({ id })),
      has_more: hasMore,
      first_id: ids[0],
      last_id: ids[1],
    });
  });

  it("has nothing more before the first item", () => {
    expect(page("before_id=d").has_more).toBe(false);
  });

  it("returns an empty page with null ids after the last item", () => {
    expect(page("after_id=a")).toEqual({ data: [], has_more: false, first_id: null, last_id: null });
  });

  it("rejects a limit outside 1–1000", () => {
    expect(() => page("limit=0")).toThrow(/limit/);
    expect(() => page("limit=1001")).toThrow(/limit/);
  });
});
