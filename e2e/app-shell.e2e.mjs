// Browser tests of the app's smaller behaviours: conversation housekeeping, Help, the skip link, one
// notice on Stop, and direct mode without a key (see e2e/run.mjs).
import { check, shownText } from "./app-harness.mjs";

const composer = (page) => page.getByRole("textbox", { name: "Message" });
const conversationList = (page) => page.getByRole("navigation", { name: "Conversations" });
const isFocused = (locator) => locator.evaluate((element) => element === document.activeElement);

async function openChat(page) {
  await page.goto("/#/chat");
  await composer(page).waitFor();
}

async function chat(page, text) {
  await composer(page).fill(text);
  await composer(page).press("Enter");
  await page.locator(".chat-status", { hasText: "Done" }).waitFor();
}

export const tests = [
  {
    name: "shell: New conversation reuses the empty one and puts the focus in the message box",
    async run({ page }) {
      await openChat(page);
      const newButton = page.getByRole("button", { name: "New conversation", exact: true });
      await newButton.click();
      await newButton.click();
      const entries = conversationList(page).locator("li");
      check(
        (await entries.count()) === 1,
        `clicking New twice should keep one entry, got ${await entries.count()}`,
      );
      check(await isFocused(composer(page)), "the message box should have the focus after New conversation");
      await chat(page, '[[mock: reply="Sure"]] Something to keep');
      await newButton.click();
      await newButton.click();
      check(
        (await entries.count()) === 2,
        `expected the kept one and one new entry, got ${await entries.count()}`,
      );
      check(await isFocused(composer(page)), "the message box should have the focus again");
    },
  },
  {
    name: "shell: a deleted conversation comes back with Undo",
    async run({ page }) {
      await openChat(page);
      await chat(page, '[[mock: reply="Noted"]] Precious notes');
      await conversationList(page)
        .getByRole("button", { name: "Delete conversation: Precious notes" })
        .click();
      const notice = page.getByRole("status").filter({ hasText: "Deleted “Precious notes”" });
      await notice.waitFor();
      check(
        (await conversationList(page)
          .getByRole("button", { name: /^Precious notes/ })
          .count()) === 0,
        "the conversation should be gone from the list",
      );
      await notice.getByRole("button", { name: "Undo" }).click();
      await conversationList(page)
        .getByRole("button", { name: /^Precious notes/ })
        .waitFor();
      await page.locator('article.cq-message[data-role="assistant"]', { hasText: "Noted" }).waitFor();
      await page.reload();
      await conversationList(page)
        .getByRole("button", { name: /^Precious notes/ })
        .waitFor();
    },
  },
  {
    name: "shell: Help comes first in tab order, takes the focus, lists tools and shortcuts, and Escape closes it",
    async run({ page }) {
      await openChat(page);
      const help = page.getByRole("button", { name: "Help", exact: true });
      await help.click();
      const panel = page.getByRole("complementary", { name: "Mock API triggers" });
      await panel.waitFor();
      check(await isFocused(panel.getByRole("button", { name: "Close" })), "Help should take the focus");
      const tools = await shownText(panel.getByRole("definition").first().locator(".."));
      check(tools.includes("calculator"), `Help should list the calculator first: ${tools}`);
      const text = await shownText(panel);
      for (const expected of ["get_time", "[[mock: tool=get_time]]", "Escape", "Enter"]) {
        check(text.includes(expected), `Help should mention ${expected}`);
      }
      // Help comes right after the header, before the page, in the document and so in tab order.
      const helpFirst = await page.evaluate(() => {
        const panelElement = document.getElementById("help-panel");
        const main = document.getElementById("main");
        return Boolean(
          panelElement &&
            main &&
            panelElement.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
      });
      check(helpFirst, "Help should come before the page in the document");
      await page.keyboard.press("Escape");
      await panel.waitFor({ state: "detached" });
      check(await isFocused(help), "the focus should return to the Help button");
    },
  },
  {
    name: "shell: the skip link is the first stop and moves the focus to the page",
    async run({ page }) {
      await openChat(page);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("button", { name: "Skip to content" });
      check(await isFocused(skip), "the first Tab should reach the skip link");
      check(await skip.isVisible(), "the focused skip link should be visible");
      await page.keyboard.press("Enter");
      check(
        await page.evaluate(() => document.activeElement?.id === "main"),
        "the skip link should focus the page's content",
      );
      for (const [hash, name] of [
        ["#/chat", "New conversation"],
        ["#/batches", "Message batches"],
        ["#/settings", "Settings"],
      ]) {
        await page.goto(`/${hash}`);
        const h1 = page.getByRole("heading", { level: 1 });
        await h1.first().waitFor();
        check((await h1.count()) === 1, `${hash} should have one h1, has ${await h1.count()}`);
        check((await shownText(h1)).includes(name), `${hash}'s h1 should name it: ${await shownText(h1)}`);
      }
    },
  },
  {
    name: "shell: stopping a reply shows one notice, not two",
    async run({ page }) {
      await openChat(page);
      await composer(page).fill("[[mock: words=600 slow=30]] A long one");
      await composer(page).press("Enter");
      await page.locator('article.cq-message[data-role="assistant"] .cq-text-block').waitFor();
      await page.getByRole("button", { name: "Stop" }).click();
      await page.locator(".chat-status", { hasText: "Stopped" }).waitFor();
      const notices = page.locator("p:visible").filter({ hasText: /stopped|interrupted/i });
      check(
        (await notices.count()) === 1,
        `expected one visible notice, got: ${await notices.allInnerTexts()}`,
      );
    },
  },
  {
    name: "shell: direct mode without a key disables Send and asks for the key",
    async run({ page, mockUrl }) {
      await page.goto("/#/settings");
      await page.getByLabel(/^Direct from the browser/).check();
      await page.getByLabel("API base URL").fill(mockUrl);
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByText("Saved.").waitFor();
      await page.goto("/#/chat");
      const ask = page.getByRole("note").filter({ hasText: "needs your API key" });
      await ask.waitFor();
      check(
        (await ask.getByRole("link", { name: "type it in Settings" }).count()) === 1,
        "a link to Settings",
      );
      check(await page.getByRole("button", { name: "Send" }).isDisabled(), "Send should be disabled");
    },
  },
];
