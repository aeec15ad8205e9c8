import { describe, expect, it } from "vitest";
import { paginate } from "./pagination.js";

const items = ["e", "d", "c", "b", "a"].map((id) => ({ id }));
const page = (query: string) => paginate(items, new URLSearchParams(query));

describe("ID-cursor pagination", () => {
  it("returns the first page with has_more, first_id and last_id", () => {
    expect(page("limit=2")).toEqual({
      data: [{ id: "e" }, { id: "d" }],
      has_more: true,
      first_id: "e",
      last_id: "d",
    });
  });

  it("continues after after_id and stops at the end", () => {
    expect(page("limit=2&after_id=c")).toEqual({
      data: [{ id: "b" }, { id: "a" }],
      has_more: false,
      first_id: "b",
      last_id: "a",
    });
  });

  it("returns the items just before before_id", () => {
    expect(page("limit=2&before_id=b")).toEqual({
      data: [{ id: "d" }, { id: "c" }],
      has_more: true,
      first_id: "d",
      last_id: "c",
    });
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
