// One small browser layer over three engines, so that a user journey is
// written once and run in each: Chromium (playwright-core), Firefox ESR
// (puppeteer-core over WebDriver BiDi) and WebKitGTK, Safari's engine
// (selenium-webdriver talking W3C WebDriver to WebKitWebDriver, which
// drives MiniBrowser under Xvfb). Every engine is Debian's; nothing is
// downloaded, and all traffic stays on 127.0.0.1.
//
//   const engine = await launchEngine("firefox");   // engine.label: "Firefox ESR 153.8.0"
//   const page = await engine.newPage({ viewport, url });  // a fresh profile
//   await page.click("#compare"); await page.press("j");
//   await page.evaluate((arg) => ..., arg); await page.waitFor(fn, arg);
//   await page.close(); await engine.close();
//
// Selectors are CSS; `host >>> inner` reaches into a shadow root (one
// level). A page collects its uncaught errors and console errors in
// `page.errors` (in WebKit only from the moment the page has loaded:
// WebDriver classic has no log; the layer listens from there).
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import net from "node:net";
import { pageUrl } from "./browser.mjs";

export const ENGINES = ["chromium", "firefox", "webkit"];

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/** How long any single wait may take before a hang becomes a failure. */
export const HANG = 60000;

/** Starts `name` ("chromium", "firefox" or "webkit"). `options.dark`
 * gives every page a dark colour-scheme preference. */
export async function launchEngine(name, options = {}) {
  if (name === "chromium") return launchChromium(options);
  if (name === "firefox") return launchFirefox(options);
  if (name === "webkit") return launchWebKit(options);
  throw new Error(`no engine called ${name}`);
}

/** Runs in the page: the element a layer selector names, or null. */
function findInPage(selector) {
  const at = selector.indexOf(">>>");
  if (at < 0) return document.querySelector(selector);
  const host = document.querySelector(selector.slice(0, at).trim());
  return host && host.shadowRoot && host.shadowRoot.querySelector(selector.slice(at + 3).trim());
}

/** Methods every page shares, built on the engine's own `evaluate`. */
function common(page) {
  page.errors = page.errors || [];
  /** Polls `fn(arg)` in the page until it returns something truthy, and
   * returns it; fails after `timeout` (a hang, not a time bound). */
  page.waitFor = async (fn, arg, { timeout = HANG, message } = {}) => {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await page.evaluate(fn, arg);
        if (last) return last;
      } catch (e) {
        // A page being replaced (reload, navigation) answers nothing for a moment.
        if (!/context|navigat|destroyed|detached|unload|no such|stale/i.test(String(e))) throw e;
      }
      if (Date.now() > until) throw new Error(`${page.engine}: gave up waiting for ${message || String(fn).slice(0, 120)} (last: ${JSON.stringify(last)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** The text content of the element a selector names (null when none). */
  page.text = (selector) =>
    page.evaluate((selector) => {
      const at = selector.indexOf(">>>");
      let node;
      if (at < 0) node = document.querySelector(selector);
      else {
        const host = document.querySelector(selector.slice(0, at).trim());
        node = host && host.shadowRoot && host.shadowRoot.querySelector(selector.slice(at + 3).trim());
      }
      return node ? node.textContent : null;
    }, selector);
  /** The page's errors so far (uncaught, unhandled rejections, console errors). */
  page.errorsNow = async () => {
    if (page.drainErrors) await page.drainErrors();
    return page.errors;
  };
  /** Puts text into a text area as one paste event does (its value, then
   * `input`): for megabytes, which a clipboard round trip carries slowly. */
  page.setValue = (selector, text) => page.evaluate(([selector, text]) => {
    const area = document.querySelector(selector);
    area.focus();
    area.value = text;
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, [selector, text]);
  /** A real paste: the text goes into the system clipboard by a real copy
   * (Ctrl+C in a scratch text area, real keys), then Ctrl+V into
   * `selector`: the page's own paste handler runs as a reader's would. */
  page.paste = async (selector, text) => {
    await page.evaluate((text) => {
      const scratch = document.createElement("textarea");
      scratch.id = "__clipboard_scratch";
      scratch.style.cssText = "position:fixed;top:0;left:0;width:10px;height:10px;opacity:0.01";
      document.body.appendChild(scratch);
      scratch.value = text;
      scratch.focus();
      scratch.select();
    }, text);
    await page.press("Control+c");
    await page.evaluate((selector) => {
      document.getElementById("__clipboard_scratch").remove();
      const area = document.querySelector(selector);
      area.focus();
      area.select();
    }, selector);
    await page.press("Control+v");
  };
  return page;
}

// ---------------------------------------------------------------- Chromium

async function launchChromium(options) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const version = browser.version();
  return {
    name: "chromium",
    version,
    label: `Chromium ${version}`,
    async newPage({ viewport = DEFAULT_VIEWPORT, url = pageUrl } = {}) {
      const context = await browser.newContext({ viewport, colorScheme: options.dark ? "dark" : "light" });
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const p = await context.newPage();
      p.setDefaultTimeout(HANG);
      const page = common({ engine: "chromium", errors: [] });
      p.on("pageerror", (e) => page.errors.push(String(e)));
      p.on("console", (m) => {
        if (m.type() === "error") page.errors.push(m.text());
      });
      Object.assign(page, {
        goto: (u) => p.goto(u),
        reload: () => p.reload(),
        url: () => p.url(),
        evaluate: (fn, arg) => p.evaluate(fn, arg),
        click: (selector) => p.locator(selector.replace(">>>", " ")).first().click(),
        type: (selector, text) => p.locator(selector.replace(">>>", " ")).first().pressSequentially(text),
        press: (key) => p.keyboard.press(key.replace(/^Control\+(.)$/, (_, k) => `Control+${k.toUpperCase()}`)),
        screenshot: (path) => p.screenshot({ path }),
        setViewport: (size) => p.setViewportSize(size),
        close: () => context.close(),
      });
      await p.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------- Firefox

async function launchFirefox(options) {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // prefers-color-scheme: 0 dark, 1 light (no CDP emulation over BiDi).
      "layout.css.prefers-color-scheme.content-override": options.dark ? 0 : 1,
      // No network of its own: no update checks, telemetry or captive portal.
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
    },
  });
  const version = (await browser.version()).replace(/^firefox\//i, "");
  return {
    name: "firefox",
    version,
    label: `Firefox${/esr/.test(FIREFOX) ? " ESR" : ""} ${version}`,
    async newPage({ viewport = DEFAULT_VIEWPORT, url = pageUrl } = {}) {
      const context = await browser.createBrowserContext();
      const p = await context.newPage();
      p.setDefaultTimeout(HANG);
      await p.setViewport(viewport);
      const page = common({ engine: "firefox", errors: [] });
      p.on("pageerror", (e) => page.errors.push(String(e)));
      p.on("console", (m) => {
        if (m.type() === "error") page.errors.push(m.text());
      });
      // puppeteer's `>>>` pierces shadow roots as the layer's does.
      const locate = (selector) => p.locator(selector);
      Object.assign(page, {
        goto: (u) => p.goto(u),
        reload: () => p.reload(),
        url: () => p.url(),
        evaluate: (fn, arg) => p.evaluate(fn, arg),
        click: (selector) => locate(selector).click(),
        type: async (selector, text) => {
          await locate(selector).click();
          await p.keyboard.type(text);
        },
        press: async (key) => {
          const parts = key.split("+");
          const last = parts.pop();
          for (const m of parts) await p.keyboard.down(m);
          await p.keyboard.press(last);
          for (const m of parts.reverse()) await p.keyboard.up(m);
        },
        screenshot: (path) => p.screenshot({ path }),
        setViewport: (size) => p.setViewport(size),
        close: () => context.close(),
      });
      await p.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------- WebKit

/** A TCP port free on 127.0.0.1 just now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Waits until something listens on 127.0.0.1:`port`. */
async function listening(port, child, what) {
  const until = Date.now() + 30000;
  for (;;) {
    if (child.exitCode != null) throw new Error(`${what} exited (${child.exitCode})`);
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`${what} did not listen on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts Xvfb on a free display number; returns [display, child]. */
async function startXvfb() {
  for (let n = 90 + (process.pid % 50); n < 200; n++) {
    if (existsSync(`/tmp/.X${n}-lock`) || existsSync(`/tmp/.X11-unix/X${n}`)) continue;
    const child = spawn("Xvfb", [`:${n}`, "-screen", "0", "1600x1400x24", "-nolisten", "tcp"], { stdio: "ignore" });
    const until = Date.now() + 10000;
    while (!existsSync(`/tmp/.X11-unix/X${n}`) && child.exitCode == null && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    if (child.exitCode == null && existsSync(`/tmp/.X11-unix/X${n}`)) return [`:${n}`, child];
    child.kill();
  }
  throw new Error("no free X display for Xvfb");
}

/** Keys as WebDriver writes them. */
function webdriverKey(Key, name) {
  const named = { Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT, Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB, Home: Key.HOME, End: Key.END };
  return named[name] ?? name;
}

async function launchWebKit(options) {
  const { Builder, Key } = await import("selenium-webdriver");
  const [display, xvfb] = await startXvfb();
  const drivers = new Set();
  /** A WebKitWebDriver of its own (it holds one session at a time), bound
   * to loopback by hand: selenium's own service binds to the machine's
   * network address. Returns { driver (a selenium WebDriver), stop }. */
  const args = ["--automation"];
  if (options.dark) args.push("--dark-mode");
  const capabilities = {
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: MINIBROWSER, args },
  };
  async function session() {
    const port = await freePort();
    const child = spawn(WEBKIT_DRIVER, ["--host=127.0.0.1", `--port=${port}`], {
      env: { ...process.env, DISPLAY: display },
      stdio: "ignore",
    });
    drivers.add(child);
    const stop = () => {
      drivers.delete(child);
      child.kill();
    };
    try {
      await listening(port, child, "WebKitWebDriver");
      const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
      return { driver, stop };
    } catch (e) {
      stop();
      throw e;
    }
  }
  const stopAll = () => {
    for (const child of drivers) child.kill();
    xvfb.kill();
  };
  // Also when the test process ends without closing the engine (a crash).
  process.once("exit", stopAll);
  let version;
  try {
    const probe = await session();
    version = (await probe.driver.getCapabilities()).get("browserVersion");
    await probe.driver.quit();
    probe.stop();
  } catch (e) {
    stopAll();
    throw e;
  }
  const sessions = new Set();
  return {
    name: "webkit",
    version,
    label: `WebKitGTK ${version}`,
    /** Each page is its own WebDriver session: a fresh, ephemeral profile. */
    async newPage({ viewport = DEFAULT_VIEWPORT, url = pageUrl } = {}) {
      const { driver: d, stop } = await session();
      const end = async () => {
        sessions.delete(end);
        await d.quit().catch(() => {});
        stop();
      };
      sessions.add(end);
      await d.manage().setTimeouts({ script: HANG, pageLoad: HANG });
      const page = common({ engine: "webkit", errors: [] });
      const listen = () =>
        d.executeScript(() => {
          if (window.__layerErrors) return;
          window.__layerErrors = [];
          window.addEventListener("error", (e) => window.__layerErrors.push(String(e.message)));
          window.addEventListener("unhandledrejection", (e) => window.__layerErrors.push(String(e.reason)));
          const error = console.error;
          console.error = (...a) => {
            window.__layerErrors.push(a.map(String).join(" "));
            error.apply(console, a);
          };
        });
      // Errors are read back before each step and when the test asks.
      let collected = [];
      const drain = async () => {
        try {
          const more = await d.executeScript(() => (window.__layerErrors || []).splice(0));
          collected.push(...(more || []));
        } catch {
          // The page is being replaced.
        }
      };
      Object.defineProperty(page, "errors", { get: () => collected, set: (v) => (collected = v) });
      page.drainErrors = drain;
      const element = async (selector) => {
        const el = await d.executeScript(`return (${findInPage})(arguments[0])`, selector);
        if (!el) throw new Error(`webkit: nothing matches ${selector}`);
        return el;
      };
      /** Sets the page's viewport (the window less its toolbar) to `size`. */
      const setViewport = async ({ width, height }) => {
        await d.manage().window().setRect({ width, height });
        for (let k = 0; k < 3; k++) {
          const inner = await d.executeScript("return [window.innerWidth, window.innerHeight]");
          if (inner[0] === width && inner[1] === height) return;
          const rect = await d.manage().window().getRect();
          await d.manage().window().setRect({ width: rect.width + width - inner[0], height: rect.height + height - inner[1] });
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      Object.assign(page, {
        goto: async (u) => {
          await d.get(u);
          await listen();
        },
        reload: async () => {
          await drain();
          await d.navigate().refresh();
          await listen();
        },
        url: () => d.getCurrentUrl(),
        evaluate: async (fn, arg) => {
          const script = `const done = arguments[arguments.length - 1];
            Promise.resolve().then(() => (${fn})(arguments[0])).then(
              (value) => done({ value: value === undefined ? null : value }),
              (e) => done({ error: String(e && e.stack || e) }));`;
          const out = await d.executeAsyncScript(script, arg === undefined ? null : arg);
          if (out.error) throw new Error(`webkit: page script failed: ${out.error}`);
          return out.value;
        },
        click: async (selector) => (await element(selector)).click(),
        type: async (selector, text) => {
          const el = await element(selector);
          await el.click();
          await d.actions().sendKeys(text).perform();
        },
        press: async (key) => {
          const parts = key.split("+").map((k) => webdriverKey(Key, k));
          let a = d.actions();
          for (const k of parts) a = a.keyDown(k);
          for (const k of parts.reverse()) a = a.keyUp(k);
          await a.perform();
        },
        screenshot: async (path) => writeFileSync(path, Buffer.from(await d.takeScreenshot(), "base64")),
        setViewport,
        close: end,
      });
      await setViewport(viewport);
      await page.goto(url);
      return page;
    },
    async close() {
      for (const end of [...sessions]) await end();
      stopAll();
    },
  };
}
