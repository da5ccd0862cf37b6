// Debian's Chromium, headless, for the tests and benchmarks: its own flags
// keep it from reaching for the network this machine does not have.
import { chromium } from "playwright-core";

/** Launches /usr/bin/chromium with playwright-core. */
export function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}
