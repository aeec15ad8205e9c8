import { describe, expect, it } from "vitest";
import { branchForEdit, switchBranch } from "./message-branches";

describe("message branches", () => {
  it("keeps each edited version and switches between them, nested branches included", () => {
    const first = ["q1", "a1", "q2", "a2"];
    // Edit q2 (index 2): the first version is kept, a new one is current.
    let branches = branchForEdit({}, first, 2);
    expect(branches[2]).toMatchObject({ current: 1, versions: [{ messages: ["q2", "a2"] }, {}] });
    const second = ["q1", "a1", "q2'", "a2'"];
    // Edit q1 (index 0) in the second version: the branches at index 2 move inside the kept version.
    branches = branchForEdit(branches, second, 0);
    expect(Object.keys(branches)).toEqual(["0"]);
    const third = ["q1'", "a1'"];

    const back = switchBranch(branches, third, 0, 0);
    expect(back?.messages).toEqual(second);
    expect(back?.branches[2]?.current).toBe(1);
    const older = back && switchBranch(back.branches, back.messages, 2, 0);
    expect(older?.messages).toEqual(first);
    const again = older && switchBranch(older.branches, older.messages, 0, 1);
    expect(again?.messages).toEqual(third);
    expect(switchBranch(branches, third, 0, 1)).toBeNull();
  });
});
