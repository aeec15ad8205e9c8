// Browser tests of the app's layout at desktop and phone sizes (see e2e/run.mjs).
import { axeViolations, check, screenshotPath, shownText } from "./app-harness.mjs";

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const composer = (page) => page.getByRole("textbox", { name: "Message" });

/** How far the page reaches past the window sideways (0 when nothing overflows). */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Fails unless the element is entirely inside the window, horizontally. */
async function checkInsideWindow(page, locator, what) {
  const box = await locator.boundingBox();
  const width = page.viewportSize().width;
  check(box !== null, `${what} is not shown`);
  check(
    box.x >= 0 && box.x + box.width <= width + 0.5,
    `${what} is off-screen: x ${box.x}, width ${box.width}`,
  );
}

// No hyphen or space in it: nothing where a browser would break the line by itself.
const longUrl = `https://example.com/${"a_very_long_path_segment_without_a_break/".repeat(7)}end`;
const longCode = `const line = '${"x".repeat(280)}';`;

async function sendLongLines(page) {
  await page.goto("/#/chat");
  await composer(page).fill(
    `[[mock: reply="See ${longUrl} for details\n\n\`\`\`js\n${longCode}\n\`\`\`"]] Why does ${longUrl} fail?`,
  );
  await composer(page).press("Enter");
  await page.locator(".chat-status", { hasText: "Done" }).waitFor();
  await page.locator('article.cq-message[data-role="assistant"]', { hasText: "for details" }).waitFor();
}

export const tests = [
  ...[DESKTOP, PHONE].map((size) => ({
    name: `layout: a 300-character line does not widen the chat at ${size.width}×${size.height}`,
    async run({ page }) {
      await page.setViewportSize(size);
      await sendLongLines(page);
      for (const pass of ["after sending", "after reopening"]) {
        check((await horizontalOverflow(page)) <= 0, `the page overflows sideways ${pass}`);
        await checkInsideWindow(page, page.getByRole("button", { name: "Send" }), `Send (${pass})`);
        for (const message of await page.locator("article.cq-message").all()) {
          await checkInsideWindow(page, message, `a message (${pass})`);
        }
        if (size === DESKTOP) {
          await checkInsideWindow(
            page,
            page.getByRole("complementary", { name: "Conversation settings" }),
            "the settings",
          );
        }
        if (pass === "after sending")
          await page.screenshot({ path: screenshotPath(`chat-long-line-${size.width}`) });
        await page.reload();
        await page.locator('article.cq-message[data-role="assistant"]', { hasText: "for details" }).waitFor();
      }
    },
  })),
  {
    name: "layout: at 390×844 the thread takes the screen; conversations and settings are drawers",
    async run({ page }) {
      await page.setViewportSize(PHONE);
      await page.goto("/#/chat");
      await composer(page).waitFor();
      check((await horizontalOverflow(page)) <= 0, "the chat page overflows sideways");
      for (const name of ["Use the dark theme", "Help", "Conversations", "Conversation settings"]) {
        await checkInsideWindow(page, page.getByRole("button", { name, exact: true }), `the ${name} button`);
      }
      const list = page.getByRole("navigation", { name: "Conversations" });
      const settings = page.getByRole("complementary", { name: "Conversation settings" });
      check(
        !(await list.isVisible()) && !(await settings.isVisible()),
        "the side panels should start closed",
      );
      const thread = await page.locator(".cq-thread").boundingBox();
      check(thread.height > PHONE.height * 0.45, `the thread is only ${thread.height}px tall`);
      const composerBox = await page.locator(".cq-composer").boundingBox();
      check(
        composerBox.y + composerBox.height > PHONE.height - 40 &&
          composerBox.y + composerBox.height <= PHONE.height,
        `the composer should sit at the bottom, ends at ${composerBox.y + composerBox.height}`,
      );

      await composer(page).fill('[[mock: reply="Small screens work"]] First chat');
      await composer(page).press("Enter");
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();

      // The conversation list opens from the bar, takes the focus, and closes on choosing.
      const opener = page.getByRole("button", { name: "Conversations", exact: true });
      await opener.click();
      await list.waitFor();
      await checkInsideWindow(page, list, "the conversation drawer");
      await page.screenshot({ path: screenshotPath("chat-390-conversations") });
      check(
        await list
          .getByRole("button", { name: "Close" })
          .evaluate((button) => button === document.activeElement),
        "the drawer should take the focus",
      );
      await list.getByRole("button", { name: "New conversation", exact: true }).click();
      await list.waitFor({ state: "hidden" });
      await opener.click();
      await list.getByRole("button", { name: /^First chat/ }).click();
      await list.waitFor({ state: "hidden" });
      await page.getByRole("heading", { level: 1, name: "First chat" }).waitFor();
      await page.screenshot({ path: screenshotPath("chat-390") });

      // The settings drawer; Escape closes it and gives the focus back.
      const settingsButton = page.getByRole("button", { name: "Conversation settings", exact: true });
      await settingsButton.click();
      await settings.waitFor();
      await checkInsideWindow(page, settings, "the settings drawer");
      await page.screenshot({ path: screenshotPath("chat-390-settings") });
      await page.keyboard.press("Escape");
      await settings.waitFor({ state: "hidden" });
      check(
        await settingsButton.evaluate((button) => button === document.activeElement),
        "focus should return to Settings",
      );
      check((await horizontalOverflow(page)) <= 0, "the page overflows sideways after chatting");
    },
  },
  ...[DESKTOP, PHONE].map((size) => ({
    name: `layout: every page at ${size.width}×${size.height} has no axe violation and fits the width (screenshots)`,
    async run({ page }) {
      await page.setViewportSize(size);
      const problems = [];
      const visit = async (name, ready) => {
        await ready();
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${name}: ${overflow}px wider than the window`);
        for (const violation of await axeViolations(page)) problems.push(`${name}: ${violation}`);
        await page.screenshot({ path: screenshotPath(`page-${name}-${size.width}`) });
      };
      await visit("chat-empty", async () => {
        await page.goto("/#/chat");
        await composer(page).waitFor();
      });
      await visit("chat", async () => {
        await composer(page).fill("[[mock: thinking words=40]] Explain **markdown** with a `code` sample");
        await composer(page).press("Enter");
        await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      });
      await visit("chat-tools", async () => {
        await composer(page).fill("[[mock: tool=calculator]] What is 12 * (3 + 4)?");
        await composer(page).press("Enter");
        await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      });
      await visit("help", async () => {
        await page.getByRole("button", { name: "Help", exact: true }).click();
        await page.getByRole("complementary", { name: "Mock API triggers" }).waitFor();
      });
      await page.keyboard.press("Escape");
      if (size === PHONE) {
        await visit("chat-conversations-drawer", async () => {
          await page.getByRole("button", { name: "Conversations", exact: true }).click();
          await page.getByRole("navigation", { name: "Conversations" }).waitFor();
        });
        await page.keyboard.press("Escape");
        await visit("chat-settings-drawer", async () => {
          await page.getByRole("button", { name: "Conversation settings", exact: true }).click();
          await page.getByRole("complementary", { name: "Conversation settings" }).waitFor();
        });
        await page.keyboard.press("Escape");
      }
      await visit("batches", async () => {
        await page.goto("/#/batches");
        await page.getByLabel("Prompts").fill("First prompt\nSecond prompt");
        await page.getByRole("button", { name: "Create batch" }).click();
        await page.locator("tr[data-state='ended']").first().waitFor({ timeout: 30_000 });
      });
      await visit("batch-results", async () => {
        await page
          .getByRole("button", { name: /^Results of / })
          .first()
          .click();
        await page.locator("tr[data-state='succeeded']").first().waitFor();
      });
      await visit("settings", async () => {
        await page.goto("/#/settings");
        await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
      });
      await page.getByRole("button", { name: "Use the dark theme" }).click();
      await visit("settings-dark", async () => {});
      await visit("chat-dark", async () => {
        await page.goto("/#/chat");
        await composer(page).waitFor();
      });
      check(problems.length === 0, `problems found:\n${problems.join("\n")}`);
    },
  })),
  {
    name: "layout: at 390×844 the chat's features work: starter, Stop, edit in place, versions, attach, totals",
    async run({ page }) {
      await page.setViewportSize(PHONE);
      await page.goto("/#/chat");
      await page
        .getByRole("list", { name: "Starter prompts" })
        .getByRole("button", { name: "Use a tool: the calculator" })
        .click();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      await composer(page).fill("[[mock: words=600 slow=30]] Long one");
      await composer(page).press("Enter");
      await page.locator('article.cq-message[data-role="assistant"] .cq-text-block').last().waitFor();
      await page.getByRole("button", { name: "Stop" }).click();
      await page.locator(".chat-status", { hasText: "Stopped" }).waitFor();

      const question = page.locator('article.cq-message[data-role="user"]', { hasText: "Long one" });
      await question.getByRole("button", { name: /^Edit message/ }).click();
      await question
        .getByRole("textbox", { name: "Edited message" })
        .fill('[[mock: reply="Short now"]] Short one');
      await question.getByRole("button", { name: "Save and resend" }).click();
      await page.locator('article.cq-message[data-role="assistant"]', { hasText: "Short now" }).waitFor();
      await page.locator(".chat-status", { hasText: "Done" }).waitFor();
      const versions = page.getByRole("group", { name: /^Versions of message/ });
      await checkInsideWindow(page, versions, "the versions control");
      await versions.getByRole("button", { name: "Previous version" }).click();
      await page.locator('article.cq-message[data-role="user"]', { hasText: "Long one" }).waitFor();

      await page.getByLabel("Attach images or PDFs").setInputFiles({
        name: "a-rather-long-file-name-for-a-small-phone-screen.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4 phone"),
      });
      await page.getByRole("list", { name: "Attached files" }).waitFor();
      check((await horizontalOverflow(page)) <= 0, "the page overflows sideways with an attachment");
      await checkInsideWindow(page, page.getByRole("button", { name: "Send" }), "Send");

      await page.getByRole("button", { name: "Conversation settings", exact: true }).click();
      const totals = page.locator(".chat-options .cq-usage-meter dd").first();
      check(Number((await shownText(totals)).replace(/\D/g, "")) > 0, "the totals count the stored replies");
      await page.screenshot({ path: screenshotPath("chat-features-390") });
    },
  },
];
