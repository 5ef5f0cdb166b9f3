// Helpers for the browser tests: Debian's chromium driven by playwright-core, the stack's base
// URL, polling with deadlines, and screenshots into docs/screenshots/.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// The frontend's row of ports.txt (the only home of every port): name, port, ops, ...
const FRONTEND_PORTS = readFileSync(join(ROOT, "ports.txt"), "utf8")
  .split("\n")
  .map((line) => line.replace(/#.*/, "").trim().split(/\s+/))
  .find((fields) => fields[0] === "frontend");
export const BASE_URL = process.env.BASE_URL ?? `http://127.0.0.1:${FRONTEND_PORTS[1]}`;
// The frontend's operations port (/metrics), which the public port does not serve.
export const OPS_URL = process.env.OPS_URL ?? `http://127.0.0.1:${FRONTEND_PORTS[2]}`;

// One value of the frontend's /metrics (0 when the sample does not exist yet).
export async function frontendMetric(name) {
  const text = await (await fetch(OPS_URL + "/metrics")).text();
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text);
  return m ? Number(m[1]) : 0;
}
export const SHOTS = process.env.SCREENSHOT_DIR ?? join(ROOT, "docs", "screenshots");

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// A browser with a profile of its own, so no state leaks between runs.
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "todo-ui-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true, // --headless
    args: CHROMIUM_FLAGS,
    baseURL: BASE_URL,
    viewport: { width: 1200, height: 860 },
    timezoneId: "UTC",
    locale: "en-GB",
  });
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name + ".png") });
}

// Polls `fn` until it returns a truthy value, or fails after `timeout` ms saying what it waited for.
export async function waitUntil(fn, what, timeout = 10000, interval = 100) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last})`);
}

export const unique = () => Math.random().toString(36).slice(2, 8) + "x";

// Calls the API as the signed-in browser (its cookies, and the header the frontend wants).
export async function apiCall(context, method, path, data) {
  const r = await context.request.fetch(BASE_URL + path, {
    method,
    data,
    headers: { "X-Requested-With": "todo-web", "Content-Type": "application/json" },
  });
  const text = await r.text();
  if (!r.ok()) throw new Error(`${method} ${path} -> ${r.status()}: ${text}`);
  return text ? JSON.parse(text) : null;
}

export function rowByTitle(page, title) {
  return page.locator('[data-testid="task"]', { has: page.locator(".task-title", { hasText: title }) });
}

// The newest verification link mailed to `address`, from the local SMTP server's maildir (the
// stand-in for a mail provider; scripts/lib/delivery.sh). The mail is quoted-printable HTML.
export async function verificationLink(address, timeout = 30000) {
  const dir = join(process.env.TODO_RUN_DIR ?? join(ROOT, ".run"), "mail", "new");
  return waitUntil(
    async () => {
      let newest = null;
      for (const name of readdirSync(dir)) {
        const raw = readFileSync(join(dir, name), "latin1");
        const [head, ...rest] = raw.split(/\r?\n\r?\n/);
        if (!new RegExp(`^To: ${address.replace(/[.+]/g, "\\$&")}$`, "mi").test(head)) continue;
        if (!/^Subject: Confirm your email address for Todo$/m.test(head)) continue;
        const body = rest.join("\n").replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
        const link = /https?:\/\/[^"<\s]+\/verify-email#token=[A-Za-z0-9_.-]+/.exec(body);
        const mtime = statSync(join(dir, name)).mtimeMs;
        if (link && (!newest || mtime > newest.mtime)) newest = { link: link[0], mtime };
      }
      return newest?.link;
    },
    `a verification mail to ${address}`,
    timeout,
    200,
  );
}
