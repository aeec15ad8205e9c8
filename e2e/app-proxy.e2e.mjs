// Proxy mode: the app's server forwards to a second mock API standing in for the real one, adding the key
// from ITS environment. The page must never see the key: not in any request it makes, not in the bundle.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { check } from "./app-harness.mjs";

async function filesUnder(directory) {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)],
    ),
  );
  return nested.flat();
}

export const tests = [
  {
    name: "proxy: chat and batches go through the server route and the page never sees the key",
    async run({ page, baseURL, secret, mockUrl, upstreamUrl }) {
      const requests = [];
      page.on("request", (request) => requests.push(request));
      const batchBodies = [];
      page.on("response", (response) => {
        const url = new URL(response.url());
        if (url.pathname.includes("/v1/messages/batches") && !url.pathname.endsWith("/results"))
          batchBodies.push(response.text().catch(() => ""));
      });

      await page.goto("/#/settings");
      await page.getByLabel(/^Proxy/).check();
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByText("Saved.").waitFor();

      await page.goto("/#/chat");
      await page
        .getByRole("textbox", { name: "Message" })
        .fill('[[mock: reply="Proxied hello"]] Hi through the proxy');
      await page.getByRole("textbox", { name: "Message" }).press("Enter");
      await page.locator('article.cq-message[data-role="assistant"]', { hasText: "Proxied hello" }).waitFor();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();

      await page.goto("/#/batches");
      await page.getByLabel("Prompts").fill("Proxied batch prompt");
      await page.getByRole("button", { name: "Create batch" }).click();
      const row = page.locator("tr[data-state='ended']").first();
      await row.waitFor({ timeout: 20_000 });
      await row.getByRole("button", { name: /^Results of/ }).click();
      await page.locator("tr[data-state='succeeded']", { hasText: "request-1" }).waitFor();

      const apiRequests = requests.filter((request) => new URL(request.url()).pathname.includes("/v1/"));
      check(apiRequests.length >= 4, `expected API traffic, saw ${apiRequests.length} requests`);
      for (const request of apiRequests) {
        check(
          request.url().startsWith(`${baseURL}/proxy/anthropic/v1/`),
          `API request bypassed the proxy: ${request.method()} ${request.url()}`,
        );
      }
      check(
        !requests.some(
          (request) => request.url().startsWith(mockUrl) || request.url().startsWith(upstreamUrl),
        ),
        "the page talked to an API directly",
      );
      for (const request of requests) {
        const headers = await request.allHeaders();
        const dump = `${request.url()}\n${JSON.stringify(headers)}\n${request.postData() ?? ""}`;
        check(
          !dump.includes(secret),
          `the key appeared in a request of the page: ${request.method()} ${request.url()}`,
        );
        check(headers["x-api-key"] === undefined, `the page sent an x-api-key header to ${request.url()}`);
      }
      // @colloquy/proxy rewrites each batch's results_url: upstream's address never reaches the page.
      const bodies = await Promise.all(batchBodies);
      check(
        bodies.some((body) => body.includes(`${baseURL}/proxy/anthropic/v1/messages/batches/`)),
        "expected a results_url pointing at the proxy",
      );
      for (const body of bodies) check(!body.includes(upstreamUrl), "a batch named upstream's address");
      const storage = await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      );
      check(!storage.includes(secret), "the key was stored in the page");
      check(!(await page.content()).includes(secret), "the key is in the page's HTML");
    },
  },
  {
    name: "proxy: the built bundle contains no key",
    async run({ secret, distDir }) {
      const files = await filesUnder(distDir);
      check(
        files.some((file) => file.endsWith(".js")),
        "the build should contain JavaScript",
      );
      for (const file of files) {
        const content = await readFile(file, "utf8");
        check(!content.includes(secret), `the key is in ${file}`);
        check(!content.includes("sk-ant-test-SECRET"), `a test key marker is in ${file}`);
      }
    },
  },
];

tests.push({
  name: "settings: direct mode warns, sends the typed key only to the API, and keeps it out of localStorage",
  async run({ page, mockUrl }) {
    const typedKey = "sk-ant-direct-TYPED-0123456789";
    const logs = [];
    page.on("console", (message) => logs.push(message.text()));

    await page.goto("/#/settings");
    await page.getByLabel(/^Direct from the browser/).check();
    await page.getByRole("alert").filter({ hasText: "Warning" }).waitFor();
    await page.getByLabel("API base URL").fill(mockUrl);
    await page.getByLabel("API key").fill(typedKey);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    await page.getByRole("note").filter({ hasText: "Direct mode" }).waitFor();

    await page.goto("/#/chat");
    const request = page.waitForRequest(
      (candidate) => candidate.method() === "POST" && candidate.url() === `${mockUrl}/v1/messages`,
    );
    await page.getByRole("textbox", { name: "Message" }).fill('[[mock: reply="Direct hello"]] Hi');
    await page.getByRole("textbox", { name: "Message" }).press("Enter");
    const headers = await (await request).allHeaders();
    check(headers["x-api-key"] === typedKey, "the typed key should be sent to the API");
    check(
      headers["anthropic-dangerous-direct-browser-access"] === "true",
      "the browser-access header should be sent",
    );
    await page.locator('article.cq-message[data-role="assistant"]', { hasText: "Direct hello" }).waitFor();

    const stored = () =>
      page.evaluate(() => ({
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
      }));
    let storage = await stored();
    check(
      !storage.local.includes(typedKey) && !storage.session.includes(typedKey),
      "the key was stored without asking",
    );

    await page.goto("/#/settings");
    await page.getByLabel("API key").fill(typedKey);
    await page.getByLabel(/Remember the key in this tab/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    storage = await stored();
    check(storage.session.includes(typedKey), "the key should be remembered in sessionStorage when asked");
    check(!storage.local.includes(typedKey), "the key must never reach localStorage");
    check(!logs.some((line) => line.includes(typedKey)), "the key was logged to the console");
  },
});
