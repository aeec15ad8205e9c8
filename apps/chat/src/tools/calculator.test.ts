import { describe, expect, it } from "vitest";
import { evaluateExpression } from "./calculator";

describe("evaluateExpression", () => {
  it("follows operator precedence, parentheses and right-associative powers", () => {
    expect(evaluateExpression("2 + 3 * 4")).toBe(14);
    expect(evaluateExpression("(2 + 3) * 4")).toBe(20);
    expect(evaluateExpression("2 ^ 3 ^ 2")).toBe(512);
    expect(evaluateExpression("2 ** 10 % 1000")).toBe(24);
    expect(evaluateExpression("-3 + -(-2)")).toBe(-1);
    expect(evaluateExpression("1.5e3 / .5")).toBe(3000);
  });

  it("knows constants and functions", () => {
    expect(evaluateExpression("sqrt(16) + abs(-2)")).toBe(6);
    expect(evaluateExpression("round(pi * 100)")).toBe(314);
    expect(evaluateExpression("log(1000)")).toBeCloseTo(3);
  });

  it("rejects anything that is not arithmetic instead of evaluating it", () => {
    expect(() => evaluateExpression("alert(1)")).toThrow('Unknown name "alert"');
    expect(() => evaluateExpression("2 +")).toThrow("ends too early");
    expect(() => evaluateExpression("2 3")).toThrow('Unexpected "3"');
    expect(() => evaluateExpression("1; 2")).toThrow("Unexpected character");
    expect(() => evaluateExpression("1 / 0")).toThrow("not a finite number");
    expect(() => evaluateExpression("  ")).toThrow("empty");
  });
});
