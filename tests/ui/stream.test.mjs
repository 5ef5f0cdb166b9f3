// The live-update stream itself (no browser): a stream that drops catches up from Last-Event-ID,
// each user sees only their own events, and an id the server cannot replay asks for a resync.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BASE_URL, frontendMetric, unique, waitUntil } from "./lib.mjs";

// task-updates events the frontend has received so far (its /metrics).
const received = () => frontendMetric("task_updates_received_total");

async function signup() {
  const email = `sse-${unique()}@example.com`;
  const post = (path, body) =>
    fetch(BASE_URL + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const s = await post("/api/v1/auth/signup", { email, password: "stream password 1", time_zone: "UTC" });
  assert.equal(s.status, 202);
  const r = await post("/api/v1/auth/login", { email, password: "stream password 1" });
  assert.equal(r.status, 200);
  return (await r.json()).access_token;
}

async function createTask(token, title) {
  const r = await fetch(BASE_URL + "/api/v1/tasks", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ title }),
  });
  assert.equal(r.status, 201);
  return r.json();
}

// Opens a stream and collects its events until `until(events)` holds or the deadline passes.
async function readStream(token, { lastEventId, until, onReady, timeout = 10000 }) {
  const ctrl = new AbortController();
  const headers = { Authorization: `Bearer ${token}`, Accept: "text/event-stream" };
  if (lastEventId) headers["Last-Event-ID"] = lastEventId;
  const res = await fetch(BASE_URL + "/api/v1/events", { headers, signal: ctrl.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /text\/event-stream/);
  const events = [];
  const timer = setTimeout(() => ctrl.abort(), timeout);
  let buf = "";
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body) {
      buf += decoder.decode(chunk, { stream: true });
      let cut;
      while ((cut = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        const ev = { id: "", event: "message", data: "" };
        for (const line of block.split("\n")) {
          if (line.startsWith("id: ")) ev.id = line.slice(4);
          else if (line.startsWith("event: ")) ev.event = line.slice(7);
          else if (line.startsWith("data: ")) ev.data += line.slice(6);
        }
        if (ev.data) events.push(ev);
        if (ev.event === "ready" && onReady) await onReady();
      }
      if (until(events)) break;
    }
  } catch (e) {
    if (e.name !== "AbortError") throw e;
  } finally {
    clearTimeout(timer);
    ctrl.abort();
  }
  return events;
}

const titlesOf = (events) =>
  events.filter((e) => e.event === "update").map((e) => JSON.parse(e.data).data?.task?.title);

test("a dropped stream catches up from Last-Event-ID, and sees only its user's events", async () => {
  const token = await signup();
  const stranger = await signup();
  const first = `first ${unique()}`;
  // Connected: the first task arrives live.
  const live = await readStream(token, {
    onReady: () => createTask(token, first), // once the stream is registered
    until: (evs) => titlesOf(evs).includes(first),
  });
  assert.ok(titlesOf(live).includes(first), "the first task arrived live");
  const lastId = live.filter((e) => e.event === "update").at(-1).id;
  assert.match(lastId, /^\d+-\d+$/);

  // Disconnected: two changes happen, and one of another user.
  const missed = [`missed one ${unique()}`, `missed two ${unique()}`];
  const before = await received();
  for (const t of missed) await createTask(token, t);
  await createTask(stranger, `not yours ${unique()}`);
  // The events travel through Kafka: wait until the frontend has them, with no stream open.
  await waitUntil(async () => (await received()) >= before + 3, "the frontend to receive the 3 events");

  const replayed = await readStream(token, {
    lastEventId: lastId,
    until: (evs) => missed.every((t) => titlesOf(evs).includes(t)),
  });
  const titles = titlesOf(replayed);
  assert.deepEqual(
    titles.filter((t) => missed.includes(t)),
    missed,
    `replayed in order: ${JSON.stringify(titles)}`,
  );
  assert.ok(!titles.includes(first), "nothing before Last-Event-ID is sent again");
  assert.ok(!titles.some((t) => t?.startsWith("not yours")), "another user's event never arrives");
});

test("an id the server cannot replay asks the page to resync", async () => {
  const token = await signup();
  const events = await readStream(token, {
    lastEventId: "1-999",
    until: (evs) => evs.some((e) => e.event === "resync"),
  });
  assert.ok(events.some((e) => e.event === "resync"));
});

test("the stream needs a signed-in user", async () => {
  const r = await fetch(BASE_URL + "/api/v1/events");
  assert.equal(r.status, 401);
  await r.body?.cancel();
});
