// Time to first render of the task list with 1,000 tasks, in headless chromium, and the
// JavaScript the app ships (gzipped). Needs a running stack (scripts/run.sh) and a built app.
//   node bench/ui_first_render.mjs [runs=7]
// Creates a fresh user with 1,000 tasks through the public API first.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { BASE_URL, launch } from "../tests/ui/lib.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.argv[2] ?? 7);
const TASKS = 1000;

async function call(method, path, body, token) {
  const r = await fetch(BASE_URL + path, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.status === 204 ? null : r.json();
}

function shipped() {
  const dir = join(ROOT, "web", "dist", "assets");
  let raw = 0;
  let gz = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const b = readFileSync(join(dir, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return { raw, gz };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const email = `bench-${Date.now()}@example.com`;
const password = "bench password 1";
await call("POST", "/api/v1/auth/signup", { email, password, name: "Bench", time_zone: "UTC" });
const session = await call("POST", "/api/v1/auth/login", { email, password });
const started = Date.now();
const priorities = ["low", "medium", "high", "urgent"];
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < TASKS) {
      const i = next++;
      const day = String((i % 28) + 1).padStart(2, "0");
      await call(
        "POST",
        "/api/v1/tasks",
        {
          title: `Task number ${i}`,
          priority: priorities[i % 4],
          tags: [`tag${i % 10}`],
          due: `2030-0${(i % 9) + 1}-${day}T09:00:00`,
        },
        session.access_token,
      );
    }
  }),
);
console.log(`created ${TASKS} tasks in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const context = await launch();
await context.request.post(BASE_URL + "/api/v1/auth/login", {
  data: { email, password },
  headers: { "X-Requested-With": "todo-web" },
});
const cold = [];
const warm = [];
for (let run = 0; run < RUNS; run++) {
  const page = await context.newPage();
  await page.goto(BASE_URL + "/tasks", { waitUntil: "commit" });
  // performance.now() is measured from the start of the navigation.
  const handle = await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="task"]').length > 0 && performance.now(),
    null,
    { polling: "raf", timeout: 30000 },
  );
  const ms = await handle.jsonValue();
  const rows = await page.locator('[data-testid="task"]').count();
  (run === 0 ? cold : warm).push(ms);
  console.log(`run ${run + 1}: first rows (${rows}) after ${ms.toFixed(0)} ms${run === 0 ? " (empty HTTP cache)" : ""}`);
  await page.close();
}
await context.close();
const js = shipped();
console.log(
  JSON.stringify(
    {
      tasks: TASKS,
      first_render_ms_cold: Math.round(cold[0]),
      first_render_ms_warm_median: Math.round(median(warm)),
      js_bytes: js.raw,
      js_gzip_bytes: js.gz,
    },
    null,
    1,
  ),
);
