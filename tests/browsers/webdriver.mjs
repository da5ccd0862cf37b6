// One W3C WebDriver client for the three engines the tests drive: Chromium
// (Debian's chromedriver), Firefox ESR (geckodriver) and WebKitGTK
// (WebKitWebDriver, under xvfb-run). Plain HTTP calls to the driver; each
// engine's driver is started here on a free loopback port and stopped with
// the session.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";

const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"];

/** The engines, each with its driver's command and the capabilities of a headless session. */
export const ENGINES = {
  chromium: {
    driver: (port) => ["/usr/bin/chromedriver", [`--port=${port}`]],
    capabilities: (profile) => ({
      browserName: "chrome",
      "goog:chromeOptions": { binary: "/usr/bin/chromium", args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`] },
    }),
  },
  firefox: {
    driver: (port) => [process.env.GECKODRIVER ?? "geckodriver", [`--port=${port}`, "--host=127.0.0.1"]],
    capabilities: () => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: "/usr/bin/firefox-esr",
        args: ["-headless"],
        // No update checks, telemetry or remote settings: only loopback is reachable.
        prefs: { "app.update.enabled": false, "datareporting.policy.dataSubmissionEnabled": false,
          "toolkit.telemetry.enabled": false, "network.captive-portal-service.enabled": false,
          "browser.safebrowsing.update.enabled": false },
      },
    }),
  },
  webkit: {
    driver: (port) => ["xvfb-run", ["-a", "/usr/bin/WebKitWebDriver", `--port=${port}`]],
    capabilities: () => ({}),
  },
};

/** Which engines to run: $ENGINES (comma-separated) or all three. */
export const engineNames = () => (process.env.ENGINES ?? "chromium,firefox,webkit").split(",").filter(Boolean);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * Starts `engine`'s driver and opens a session; resolves to a Browser.
 * `extra` capabilities join the engine's (`{ pageLoadStrategy: "none" }`:
 * navigation does not wait for the page's scripts).
 */
export async function launch(engine, extra = {}) {
  const { driver, capabilities } = ENGINES[engine];
  const port = await freePort();
  const [command, args] = driver(port);
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const profile = mkdtempSync(`${tmpdir()}/wd-`);
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      const status = await fetch(`${base}/status`).then((r) => r.json());
      if (status.value?.ready !== false) break;
    } catch {
      // not listening yet
    }
    if (tries > 150 || child.exitCode !== null) throw new Error(`${engine} driver did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const created = await send(base, "POST", "/session", { capabilities: { alwaysMatch: { ...capabilities(profile), ...extra } } });
  return new Browser(engine, `${base}/session/${created.sessionId}`, () => {
    try {
      process.kill(-child.pid);
    } catch {
      // already gone
    }
    rmSync(profile, { recursive: true, force: true });
  });
}

async function send(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
/** The W3C key codes of the keys the tests press. */
export const KEYS = { Tab: "\uE004", Enter: "\uE007" };

/** A WebDriver session: navigation, script, elements by CSS selector, keys and screenshots. */
export class Browser {
  constructor(engine, session, stop) {
    this.engine = engine;
    this.session = session;
    this.stop = stop;
  }

  command(method, path, body) {
    return send(this.session, method, path, body);
  }

  /** Opens `url` and waits for its load event. */
  goto(url) {
    return this.command("POST", "/url", { url });
  }

  reload() {
    return this.command("POST", "/refresh", {});
  }

  /** Runs `fn` (a function or its source) in the page with `args`; an async function is awaited. */
  evaluate(fn, ...args) {
    const script = `return (${fn}).apply(null, arguments)`;
    return this.command("POST", "/execute/sync", { script, args });
  }

  /** Polls `fn(...args)` in the page until it returns a truthy value; resolves to it. */
  async waitFor(fn, args = [], timeout = 15_000, what = String(fn)) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, ...args);
      if (value) return value;
      if (Date.now() > end) throw new Error(`${this.engine}: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits until `selector` matches an element that is rendered (not hidden). */
  waitVisible(selector, timeout) {
    return this.waitFor((s) => {
      const e = document.querySelector(s);
      return !!e && !e.closest("[hidden]") && e.getClientRects().length > 0;
    }, [selector], timeout, `${selector} to be visible`);
  }

  async element(selector) {
    const found = await this.command("POST", "/element", { using: "css selector", value: selector });
    return found[ELEMENT];
  }

  async click(selector) {
    await this.command("POST", `/element/${await this.element(selector)}/click`, {});
  }

  /** Clears the field `selector` and types `text` into it. */
  async fill(selector, text) {
    const id = await this.element(selector);
    await this.command("POST", `/element/${id}/clear`, {});
    await this.command("POST", `/element/${id}/value`, { text });
  }

  text(selector) {
    return this.evaluate((s) => document.querySelector(s).textContent, selector);
  }

  attribute(selector, name) {
    return this.evaluate((s, n) => document.querySelector(s).getAttribute(n), selector, name);
  }

  activeId() {
    return this.evaluate(() => document.activeElement.id);
  }

  /** Types `text` (characters or KEYS) into whatever has focus. */
  async keys(text) {
    const actions = [...text].flatMap((value) => [{ type: "keyDown", value }, { type: "keyUp", value }]);
    await this.command("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.command("DELETE", "/actions");
  }

  async setSize(width, height) {
    await this.command("POST", "/window/rect", { width, height });
  }

  /** A PNG of the viewport. */
  async screenshot() {
    return Buffer.from(await this.command("GET", "/screenshot"), "base64");
  }

  async close() {
    try {
      await this.command("DELETE", "");
    } finally {
      this.stop();
    }
  }
}
