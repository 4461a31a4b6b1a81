/**
 * Debian's Chromium (/usr/bin/chromium; .ci/run installs the `chromium` package) driven by
 * playwright-core for the browser tests: headless, and with the browser's own background
 * traffic (updates, sync, QUIC probes) off, so every request a page makes is the page's.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Chromium; a missing binary fails with what to install. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium package (apt-get install -y chromium), as .ci/run does`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
