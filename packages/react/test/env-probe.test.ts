import { expect, test } from "vitest";
test("probe", async () => {
  const controller = new AbortController();
  const request = new Request("http://localhost/x", { method: "POST", body: "{}", signal: controller.signal });
  controller.abort();
  expect(request.signal.aborted).toBe(true);
  expect(typeof requestAnimationFrame).toBe("function");
  console.log(AbortController === globalThis.AbortController, typeof window, String(fetch).slice(0, 40));
});
