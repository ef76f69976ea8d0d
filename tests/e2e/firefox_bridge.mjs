// Debian's Firefox ESR for the cross-engine tests (tests/e2e/engines.py), driven over WebDriver
// BiDi with puppeteer-core (which downloads no browser). One JSON command per line on stdin, one
// JSON answer per line on stdout: {"id", "cmd", ...} -> {"id", "ok": value} or {"id", "fout": text}.
// Every page error and console error is kept and returned by the "fouten" command; every
// request URL (the page's and its workers') by "verzoeken".
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const executablePath = process.env.FIREFOX || "/usr/bin/firefox-esr";
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath,
  headless: true,
  protocol: "webDriverBiDi",
  extraPrefsFirefox: {
    // Nothing the browser itself would fetch from the internet on this closed network.
    "app.update.enabled": false,
    "browser.safebrowsing.malware.enabled": false,
    "browser.safebrowsing.phishing.enabled": false,
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "intl.accept_languages": "nl-NL, nl",
  },
});
const context = await browser.createBrowserContext();
const page = await context.newPage();
await page.setViewport({ width: 1280, height: 900 });
const fouten = [];
const verzoeken = [];
page.on("pageerror", (error) => fouten.push(String(error && error.message ? error.message : error)));
page.on("console", (message) => {
  if (message.type() === "error") fouten.push(message.text());
});
page.on("request", (request) => verzoeken.push(request.url()));

const commands = {
  async goto({ url }) {
    await page.goto(url, { waitUntil: "load", timeout: 120000 });
    return page.url();
  },
  async reload() {
    await page.reload({ waitUntil: "load", timeout: 120000 });
    return page.url();
  },
  // A function's source and its arguments, called in the page (a string expression, so the
  // page's own CSP, which allows no eval, does not apply to it).
  async js({ source, args }) {
    return page.evaluate(`(${source})(...${JSON.stringify(args || [])})`);
  },
  async click({ css }) {
    await page.locator(css).setTimeout(30000).click();
    return true;
  },
  async fill({ css, text }) {
    await page.locator(css).setTimeout(30000).fill(text);
    return true;
  },
  async select({ css, value }) {
    await page.select(css, value);
    return true;
  },
  async fouten() {
    return fouten.splice(0);
  },
  async verzoeken() {
    return verzoeken.splice(0);
  },
  async version() {
    return browser.version();
  },
  async sluit() {
    await browser.close();
    return true;
  },
};

process.stdout.write(JSON.stringify({ id: 0, ok: "klaar" }) + "\n");
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const { id, cmd, ...rest } = JSON.parse(line);
  try {
    const ok = await commands[cmd](rest);
    process.stdout.write(JSON.stringify({ id, ok: ok === undefined ? null : ok }) + "\n");
    if (cmd === "sluit") break;
  } catch (error) {
    process.stdout.write(JSON.stringify({ id, fout: String(error && error.stack ? error.stack : error) }) + "\n");
  }
}
await browser.close().catch(() => {});
process.exit(0);
