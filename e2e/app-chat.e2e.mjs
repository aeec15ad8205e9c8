// Browser tests of the chat page against the built app and the mock API (see e2e/run.mjs).
import {
  BOTH_VIEWPORTS,
  check,
  checkNoAxeViolations,
  closeDrawer,
  openConversationSettings,
  openConversations,
  screenshotPath,
  shownText,
} from "./app-harness.mjs";

const assistant = (page) => page.locator('article.cq-message[data-role="assistant"]');
const composer = (page) => page.getByRole("textbox", { name: "Message" });

async function openChat(page) {
  await page.goto("/#/chat");
  await composer(page).waitFor();
}

async function send(page, text) {
  await composer(page).fill(text);
  await composer(page).press("Enter");
}

/** Samples the text of the last reply until it settles; returns the distinct lengths seen while it streamed. */
async function watchReply(page) {
  const reply = assistant(page).last();
  await reply.waitFor();
  const lengths = new Set();
  for (;;) {
    const state = await reply.getAttribute("data-state");
    const length = (await shownText(reply.locator(".cq-message-content"))).length;
    if (state === "streaming" && length > 0) lengths.add(length);
    if (state !== "streaming")
      return { lengths, state, text: await shownText(reply.locator(".cq-message-content")) };
    await page.waitForTimeout(40);
  }
}

/** The figures of the "This conversation" meter in the settings panel, as numbers (drawer closed again). */
async function conversationTotals(page) {
  await openConversationSettings(page);
  const meter = page.locator(".chat-options .cq-usage-meter");
  const figures = {};
  for (const name of ["Input", "Output"]) {
    const text = await shownText(
      meter
        .locator("div", { has: page.locator("dt", { hasText: name }) })
        .locator("dd")
        .first(),
    );
    figures[name.toLowerCase()] = Number(text.replace(/[^\d]/g, ""));
  }
  await closeDrawer(page);
  return figures;
}

/** Sends a long slow reply and waits until a few words of it have arrived. */
async function startLongReply(page, text) {
  await send(page, `[[mock: words=600 slow=30]] ${text}`);
  await assistant(page).last().locator(".cq-text-block").waitFor();
  await page.waitForFunction(
    () =>
      (
        [...document.querySelectorAll('article.cq-message[data-role="assistant"] .cq-text-block')].at(-1)
          ?.textContent ?? ""
      ).split(" ").length > 8,
  );
}

// Every test runs at 1280×800 and at 390×844 (where the list and settings are drawers).
export const tests = [
  {
    name: "chat: switching to Batches while a reply streams keeps the question and the partial reply",
    async run({ page }) {
      await openChat(page);
      await startLongReply(page, "Keep this story");
      await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Batches" }).click();
      await page.getByRole("heading", { name: "New batch" }).waitFor();
      await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Chat" }).click();
      await page.locator('article.cq-message[data-role="user"]', { hasText: "Keep this story" }).waitFor();
      const reply = assistant(page).last();
      const words = (await shownText(reply.locator(".cq-message-content"))).split(/\s+/).filter(Boolean);
      check(words.length > 5 && words.length < 600, `expected the partial reply, got ${words.length} words`);
      check(
        (await reply.getAttribute("data-state")) === "interrupted",
        "the partial reply should show as stopped",
      );
      const list = await openConversations(page);
      check(
        (await list.getByRole("button", { name: /^Keep this story/ }).count()) === 1,
        "the conversation should be listed under its question",
      );
    },
  },
  {
    name: "chat: switching conversation while a reply streams keeps it, and a reload too",
    async run({ page }) {
      await openChat(page);
      await startLongReply(page, "Do not lose me");
      await (await openConversations(page))
        .getByRole("button", { name: "New conversation", exact: true })
        .click();
      const list = await openConversations(page);
      await list.getByRole("button", { name: /^Do not lose me/ }).click();
      await page.locator('article.cq-message[data-role="user"]', { hasText: "Do not lose me" }).waitFor();
      const partial = await shownText(assistant(page).last().locator(".cq-message-content"));
      check(partial.split(/\s+/).filter(Boolean).length > 5, `the partial reply is missing: "${partial}"`);
      await page.reload();
      await page.locator('article.cq-message[data-role="user"]', { hasText: "Do not lose me" }).waitFor();
      check(
        (await shownText(assistant(page).last().locator(".cq-message-content"))) === partial,
        "the saved partial reply should survive a reload unchanged",
      );
    },
  },
  {
    name: "chat: the conversation's totals count every stored reply, stopped ones included",
    async run({ page }) {
      await openChat(page);
      await send(page, '[[mock: reply="One two three"]] First');
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      await send(page, '[[mock: reply="Four five six seven"]] Second');
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const afterTwo = await conversationTotals(page);
      check(
        afterTwo.input > 0 && afterTwo.output > 0,
        `totals after two replies: ${JSON.stringify(afterTwo)}`,
      );

      // Another conversation and back: the totals come from the stored replies, not from this visit.
      await (await openConversations(page))
        .getByRole("button", { name: "New conversation", exact: true })
        .click();
      await (await openConversations(page)).getByRole("button", { name: /^First/ }).click();
      await page.locator('article.cq-message[data-role="user"]', { hasText: "Second" }).waitFor();
      const reopened = await conversationTotals(page);
      check(
        JSON.stringify(reopened) === JSON.stringify(afterTwo),
        `reopened totals ${JSON.stringify(reopened)} should equal ${JSON.stringify(afterTwo)}`,
      );

      // A stopped reply adds what it used.
      await startLongReply(page, "Third, to be stopped");
      await page.getByRole("button", { name: "Stop" }).click();
      await page.locator(".chat-status", { hasText: "Stopped" }).waitFor();
      const afterStop = await conversationTotals(page);
      check(
        afterStop.input > afterTwo.input && afterStop.output > afterTwo.output,
        `a stopped reply should add to the totals: ${JSON.stringify(afterTwo)} then ${JSON.stringify(afterStop)}`,
      );
    },
  },
  {
    name: "chat: a sent message gets a reply that streams in progressively",
    async run({ page }) {
      await openChat(page);
      await composer(page).fill("[[mock: words=60 slow=40]] Hello there");
      // The draft's token count (count_tokens) shows before sending.
      const count = page.locator(".cq-composer-tokens[data-state='counted']");
      await count.waitFor();
      check(/^\d+ tokens$/.test(await shownText(count)), `unexpected token count: ${await shownText(count)}`);
      await composer(page).press("Enter");
      await page.locator('article.cq-message[data-role="user"]', { hasText: "Hello there" }).waitFor();
      const { lengths, state, text } = await watchReply(page);
      check(lengths.size >= 3, `expected the reply to grow in several steps, saw ${lengths.size} lengths`);
      check(state === "complete", `reply ended as ${state}`);
      check(text.split(/\s+/).filter(Boolean).length >= 55, `expected ~60 words, got: ${text.slice(0, 200)}`);
      // Per-reply usage is shown under the reply.
      await assistant(page).last().locator(".cq-usage-meter").waitFor();
      await page.screenshot({
        path: screenshotPath(`chat-reply-${page.viewportSize().width}`),
        fullPage: false,
      });
      await page.getByRole("button", { name: "Use the dark theme" }).click();
      check(
        (await page.evaluate(() => document.documentElement.dataset.theme)) === "dark",
        "dark theme not applied",
      );
      await page.screenshot({
        path: screenshotPath(`chat-dark-${page.viewportSize().width}`),
        fullPage: false,
      });
    },
  },
  {
    name: "chat: the help panel lists the mock API's triggers",
    async run({ page }) {
      await openChat(page);
      await page.getByRole("button", { name: "Help" }).click();
      const panel = page.getByRole("complementary", { name: "Mock API triggers" });
      await panel.waitFor();
      for (const syntax of ["words=N", "tool (or tool=NAME)", "thinking", "stream-error"]) {
        check((await shownText(panel)).includes(syntax), `the help panel should document ${syntax}`);
      }
    },
  },
  {
    name: "chat: Stop keeps the partial reply, shows it stopped, and focuses the composer",
    async run({ page }) {
      await openChat(page);
      await send(page, "[[mock: words=600 slow=30]] A long story please");
      const reply = assistant(page).last();
      await reply.locator(".cq-text-block").waitFor();
      await page.waitForFunction(
        () =>
          (
            document.querySelector('article.cq-message[data-role="assistant"] .cq-text-block')?.textContent ??
            ""
          ).split(" ").length > 8,
      );
      await page.getByRole("button", { name: "Stop" }).click();
      await page.locator(".chat-status", { hasText: "Stopped" }).waitFor();
      const partial = await shownText(reply.locator(".cq-message-content"));
      const words = partial.split(/\s+/).filter(Boolean).length;
      check(words > 5 && words < 600, `expected a partial reply, got ${words} words`);
      check(
        (await reply.getAttribute("data-state")) === "interrupted",
        "the reply should be marked interrupted",
      );
      check((await shownText(page.locator(".chat-status"))) === "Stopped", "status should say Stopped");
      check(
        await composer(page).evaluate((element) => element === document.activeElement),
        "the composer should have the focus after Stop",
      );
      // Nothing more arrives after the stop.
      await page.waitForTimeout(300);
      check(
        (await shownText(reply.locator(".cq-message-content"))) === partial,
        "the reply kept growing after Stop",
      );
    },
  },
  {
    name: "chat: Escape stops a streaming reply wherever the focus is",
    async run({ page }) {
      await openChat(page);
      await send(page, "[[mock: words=600 slow=30]] Another long one");
      await assistant(page).last().locator(".cq-text-block").waitFor();
      // Move the focus out of the composer first: the page-level shortcut must still stop the reply.
      await page.getByRole("heading", { level: 1 }).click();
      check(
        !(await composer(page).evaluate((element) => element === document.activeElement)),
        "focus should have moved",
      );
      await page.keyboard.press("Escape");
      await page.locator(".chat-status", { hasText: "Stopped" }).waitFor();
      check(
        (await assistant(page).last().getAttribute("data-state")) === "interrupted",
        "reply not interrupted",
      );
      check(
        await composer(page).evaluate((element) => element === document.activeElement),
        "the composer should have the focus after Escape",
      );
    },
  },
  {
    name: "chat: Regenerate on the mock API gets a different reply",
    async run({ page }) {
      await openChat(page);
      await send(page, "Tell me something");
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const first = await shownText(assistant(page).last().locator(".cq-message-content"));
      await page.getByRole("button", { name: "Regenerate" }).click();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      await page.waitForFunction(
        (before) =>
          document.querySelector('article.cq-message[data-role="assistant"] .cq-message-content')
            ?.textContent !== before,
        first,
      );
      const second = await shownText(assistant(page).last().locator(".cq-message-content"));
      check(
        second !== first && second.length > 0,
        `the regenerated reply should differ: ${first} / ${second}`,
      );
    },
  },
  {
    name: "chat: Regenerate replaces the last reply without repeating the question",
    async run({ page, mockUrl }) {
      await openChat(page);
      await send(page, '[[mock: reply="First answer"]] Question one');
      await assistant(page).filter({ hasText: "First answer" }).waitFor();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const request = page.waitForRequest(
        (candidate) => candidate.method() === "POST" && candidate.url() === `${mockUrl}/v1/messages`,
      );
      await page.getByRole("button", { name: "Regenerate" }).click();
      const body = (await request).postDataJSON();
      check(
        body.messages.length === 1 && body.messages[0].role === "user",
        "regenerate should resend only the question",
      );
      await (await (await request).response())?.finished();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      check((await assistant(page).count()) === 1, "there should be exactly one reply after regenerating");
      check(
        (await shownText(assistant(page).last())).includes("First answer"),
        "the new reply should be shown",
      );
      check(
        (await page.locator('article.cq-message[data-role="user"]').count()) === 1,
        "the question was duplicated",
      );
    },
  },
  {
    name: "chat: editing a message in place resends from there and keeps the old version as a branch",
    async run({ page, mockUrl }) {
      await openChat(page);
      await send(page, '[[mock: reply="Answer A"]] Original question');
      await assistant(page).filter({ hasText: "Answer A" }).waitFor();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      await send(page, '[[mock: reply="Answer B"]] Follow-up');
      await assistant(page).filter({ hasText: "Answer B" }).waitFor();
      // Edit is enabled once the reply settles; the thread moves then, so click only after that.
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const first = page.locator('article.cq-message[data-role="user"]').first();
      await first.getByRole("button", { name: "Edit message 1" }).click();
      const field = first.getByRole("textbox", { name: "Edited message" });
      check(
        await field.evaluate((element) => element === document.activeElement),
        "the edit field takes the focus",
      );
      check((await field.inputValue()).includes("Original question"), "the field starts with the message");
      await checkNoAxeViolations(page, "a message edited in place");
      await page.screenshot({ path: screenshotPath(`chat-edit-in-place-${page.viewportSize().width}`) });
      await field.fill('[[mock: reply="Edited answer"]] Edited question');
      const request = page.waitForRequest(
        (candidate) => candidate.method() === "POST" && candidate.url() === `${mockUrl}/v1/messages`,
      );
      await first.getByRole("button", { name: "Save and resend" }).click();
      const body = (await request).postDataJSON();
      check(
        body.messages.length === 1,
        `the edit should resend from the edited message (${body.messages.length} messages)`,
      );
      await assistant(page).filter({ hasText: "Edited answer" }).waitFor();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const users = await page
        .locator('article.cq-message[data-role="user"] .cq-message-content')
        .allInnerTexts();
      check(
        users.length === 1 && users[0].includes("Edited question"),
        `unexpected user turns: ${users.join(" | ")}`,
      );
      check((await assistant(page).count()) === 1, "later replies should be replaced");

      // "‹ 2/2 ›": the earlier version, with both its turns, is one click away, and back.
      const versions = page.getByRole("group", { name: "Versions of message 1" });
      check((await shownText(versions)).includes("2/2"), `expected 2/2, got ${await shownText(versions)}`);
      await checkNoAxeViolations(page, "a message with two versions");
      await versions.getByRole("button", { name: "Previous version" }).click();
      await assistant(page).filter({ hasText: "Answer B" }).waitFor();
      check((await assistant(page).count()) === 2, "the first version has both replies");
      check((await shownText(versions)).includes("1/2"), "now on version 1/2");
      await page.reload();
      await assistant(page).filter({ hasText: "Answer B" }).waitFor();
      await versions.getByRole("button", { name: "Next version" }).click();
      await assistant(page).filter({ hasText: "Edited answer" }).waitFor();
      check((await assistant(page).count()) === 1, "back on the edited version");
    },
  },
  {
    name: "chat: a tool-use round trip runs the calculator in the browser and answers",
    async run({ page }) {
      await openChat(page);
      await send(page, "[[mock: tool=calculator]] What is 12 * (3 + 4)?");
      const toolUse = page.locator(".cq-tool-use-block").first();
      await toolUse.waitFor();
      check((await shownText(toolUse)).includes("calculator"), "the tool call should name the calculator");
      const result = page.locator(".cq-tool-result-block").first();
      await result.waitFor();
      check(
        (await shownText(result)).includes("84"),
        `the calculator result should be 84: ${await shownText(result)}`,
      );
      check(
        (await result.getAttribute("data-state")) === "success",
        "the tool result should not be an error",
      );
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const last = assistant(page).last();
      check(
        (await last.locator(".cq-text-block").count()) > 0,
        "the model should answer after the tool result",
      );
      await page.screenshot({
        path: screenshotPath(`chat-tool-use-${page.viewportSize().width}`),
        fullPage: false,
      });
    },
  },
  {
    name: "chat: a thinking reply shows its thinking block before the answer",
    async run({ page }) {
      await openChat(page);
      await (await openConversationSettings(page)).getByLabel("Extended thinking").check();
      await closeDrawer(page);
      await send(page, "[[mock: words=20]] Think about it");
      const thinking = assistant(page).last().locator(".cq-thinking-block");
      await thinking.waitFor();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const blocks = await assistant(page)
        .last()
        .locator(".cq-block")
        .evaluateAll((elements) => elements.map((element) => element.className));
      check(blocks[0]?.includes("cq-thinking-block"), `thinking should come first: ${blocks.join(", ")}`);
      check(
        blocks.some((name) => name.includes("cq-text-block")),
        "a text answer should follow the thinking",
      );
    },
  },
  {
    name: "chat: an overloaded error mid-stream keeps the partial reply, then Retry completes it",
    async run({ page, mockUrl }) {
      // The first request carries the trigger as a header (the mock's programmatic channel); the retry does not.
      let first = true;
      await page.route(`${mockUrl}/v1/messages`, async (route) => {
        if (route.request().method() !== "POST" || !first) return route.continue();
        first = false;
        await route.continue({
          headers: {
            ...route.request().headers(),
            "x-mock-trigger": "stream-error=overloaded_error after=12",
          },
        });
      });
      await openChat(page);
      await send(page, "[[mock: words=40]] Please answer");
      const notice = page.locator(".cq-error-notice");
      await notice.waitFor();
      check(
        (await notice.getAttribute("data-error")) === "OverloadedError",
        `got ${await notice.getAttribute("data-error")}`,
      );
      check(
        (await assistant(page).last().getAttribute("data-state")) === "interrupted",
        "partial reply not kept",
      );
      await notice.getByRole("button", { name: "Retry" }).click();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      check((await notice.count()) === 0, "the error should be gone after the retry");
      check((await assistant(page).count()) === 1, "the retry should replace the interrupted reply");
      check(
        (await page.locator('article.cq-message[data-role="user"]').count()) === 1,
        "the user turn was duplicated",
      );
      const words = (await shownText(assistant(page).last())).split(/\s+/).length;
      check(words >= 40, `the retried reply should be complete (${words} words)`);
    },
  },
  {
    name: "chat: a reply cut at max_tokens shows the stop reason and Continue extends it",
    async run({ page, mockUrl }) {
      await openChat(page);
      await (await openConversationSettings(page)).getByLabel("Max tokens").fill("30");
      await closeDrawer(page);
      await send(page, "[[mock: words=200]] Tell me everything");
      const notice = page.locator(".cq-stop-reason-notice[data-state='max_tokens']");
      await notice.waitFor();
      await checkNoAxeViolations(page, "a reply cut at max_tokens, with Continue");
      const before = (await shownText(assistant(page).last().locator(".cq-text-block"))).length;
      const request = page.waitForRequest(
        (candidate) => candidate.method() === "POST" && candidate.url() === `${mockUrl}/v1/messages`,
      );
      await notice.getByRole("button", { name: "Continue" }).click();
      const body = (await request).postDataJSON();
      check(
        body.messages.at(-1)?.role === "assistant",
        "Continue should send the partial reply as a prefill",
      );
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      await page.waitForFunction(
        (length) =>
          (
            document.querySelector('article.cq-message[data-role="assistant"] .cq-text-block')?.textContent ??
            ""
          ).length > length,
        before,
      );
      check((await assistant(page).count()) === 1, "the continuation should extend the same reply");
    },
  },
  {
    name: "chat: an HTTP 529 that outlasts the client's retries shows the error, and Retry succeeds",
    async run({ page, viewport }) {
      await openChat(page);
      // The mock counts fail-times per identical request: each size asks its own question.
      await send(page, `[[mock: error=529 fail-times=3]] Are you there at ${viewport.width} px?`);
      const notice = page.locator(".cq-error-notice");
      await notice.waitFor();
      check(
        (await notice.getAttribute("data-error")) === "OverloadedError",
        "a 529 should be an OverloadedError",
      );
      check((await shownText(notice)).includes("HTTP 529"), "the notice should show the status");
      await checkNoAxeViolations(page, "the error notice with Retry");
      await page.screenshot({ path: screenshotPath(`chat-error-${page.viewportSize().width}`) });
      await notice.getByRole("button", { name: "Retry" }).click();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      check((await notice.count()) === 0, "the error should be gone");
      check((await assistant(page).count()) === 1, "one reply after the retry");
      check(
        (await page.locator('article.cq-message[data-role="user"]').count()) === 1,
        "the user turn was duplicated",
      );
    },
  },
  {
    name: "chat: prompt caching shows cache writes, then reads, in the conversation's meter",
    async run({ page }) {
      await openChat(page);
      const figure = (name) =>
        page.locator(".chat-options .cq-usage-figures div", { hasText: name }).locator("dd").first();
      const cacheFigure = async (name) => Number((await shownText(figure(name))).replace(/\D/g, ""));
      // The second request's prompt (with the long first reply) is written to the cache; regenerating the
      // second reply sends that same prompt again, which reads it.
      for (const [index, text] of [
        "[[mock: words=1200 slow=0]] First",
        "[[mock: words=5]] Second",
      ].entries()) {
        await send(page, text);
        await page.waitForFunction((count) => {
          const replies = document.querySelectorAll('article.cq-message[data-role="assistant"]');
          return replies.length === count && replies[count - 1]?.getAttribute("data-state") === "complete";
        }, index + 1);
        await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      }
      const written = await cacheFigure("Cache write");
      check(written > 1000, `expected a cache write once the prompt passed 1,024 tokens, got ${written}`);
      check((await cacheFigure("Cache read")) === 0, "nothing can be read from the cache yet");
      const request = page.waitForRequest(
        (candidate) => candidate.method() === "POST" && candidate.url().endsWith("/v1/messages"),
      );
      await page.getByRole("button", { name: "Regenerate" }).click();
      check(
        (await request).postDataJSON().cache_control?.type === "ephemeral",
        "requests should ask for caching",
      );
      await (await (await request).response())?.finished();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      await page.waitForFunction(() => {
        const row = [...document.querySelectorAll(".chat-options .cq-usage-figures div")].find((element) =>
          element.textContent?.includes("Cache read"),
        );
        return Number(row?.querySelector("dd")?.textContent?.replace(/\D/g, "") ?? 0) > 0;
      });
      check(
        (await cacheFigure("Cache read")) >= written,
        `the regenerated request should read the cached prompt`,
      );
    },
  },
  {
    name: "chat: conversations survive a reload and can be created and deleted",
    async run({ page }) {
      await openChat(page);
      await send(page, '[[mock: reply="Remembered reply"]] Remember me');
      await assistant(page).filter({ hasText: "Remembered reply" }).waitFor();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      await page.reload();
      await assistant(page).filter({ hasText: "Remembered reply" }).waitFor();
      const list = await openConversations(page);
      await list.getByRole("button", { name: /^Remember me/ }).waitFor();

      await list.getByRole("button", { name: "New conversation", exact: true }).click();
      check((await assistant(page).count()) === 0, "a new conversation should start empty");
      check(
        (await (await openConversations(page)).locator("li").count()) === 2,
        "there should be two conversations",
      );
      await list.getByRole("button", { name: /^Remember me/ }).click();
      await assistant(page).filter({ hasText: "Remembered reply" }).waitFor();
      await (await openConversations(page))
        .getByRole("button", { name: "Delete conversation: Remember me" })
        .click();
      check((await list.locator("li").count()) === 1, "the conversation should be deleted");
      await page.reload();
      await composer(page).waitFor();
      check(
        (await (await openConversations(page)).locator("li").count()) === 1,
        "the deletion should persist",
      );
      check((await assistant(page).count()) === 0, "the deleted conversation should be gone");
    },
  },
].map((test) => ({ viewports: BOTH_VIEWPORTS, ...test }));
