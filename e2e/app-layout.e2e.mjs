// Browser tests of the app's layout at desktop and phone sizes (see e2e/run.mjs).
import { check, screenshotPath } from "./app-harness.mjs";

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
];
