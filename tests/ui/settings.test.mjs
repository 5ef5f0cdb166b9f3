// The Settings screen (profile and notification channels) in a real browser against the running
// stack: field errors from PATCH /api/v1/me next to their controls, saving only what changed,
// and the FCM key file read in the page (never shown back by the API).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { apiCall, launch, shot, unique, verificationLink, waitUntil } from "./lib.mjs";

describe("settings", { concurrency: false }, () => {
  let context;
  let page;
  const email = `settings-${unique()}@example.com`;
  const topic = `todo-ui-${unique()}`;
  const patches = []; // the bodies of PATCH /api/v1/me the page sent

  const field = (label) => page.getByLabel(label, { exact: true });
  // The error shown for a control: the element its aria-describedby names with role=alert.
  const errorOf = async (control) => {
    const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
    for (const id of ids) {
      const el = page.locator(`[id="${id}"][role="alert"]`);
      if ((await el.count()) > 0) return (await el.innerText()).trim();
    }
    return "";
  };
  const status = () => page.getByTestId("settings-status");
  const save = () => page.getByRole("button", { name: "Save", exact: true }).click();

  before(async () => {
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    // Signing up, then in, through the frontend with its header puts the session into the
    // context's cookies (sign-up itself starts no session).
    await apiCall(context, "POST", "/api/v1/auth/signup", {
      email,
      password: "correct horse battery",
      name: "Grace",
      time_zone: "UTC",
    });
    await apiCall(context, "POST", "/api/v1/auth/login", { email, password: "correct horse battery" });
    page.on("request", (r) => {
      if (r.method() === "PATCH" && new URL(r.url()).pathname === "/api/v1/me") patches.push(r.postDataJSON());
    });
  });
  after(async () => {
    await context?.close();
  });

  test("opens from the main navigation with the stored profile", async () => {
    await page.goto("/tasks");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    assert.equal(new URL(page.url()).pathname, "/settings");
    assert.equal(await page.getByRole("link", { name: "Settings" }).getAttribute("aria-current"), "page");
    await waitUntil(async () => (await field("Name").inputValue()) === "Grace", "the stored name");
    assert.equal(await field("Time zone").inputValue(), "UTC");
    const zones = await page.locator("datalist#time-zones option").count();
    assert.ok(zones > 100, `the time zone list has ${zones} zones`);
    assert.equal(await page.getByLabel("Send reminders by email").isChecked(), true);
    assert.equal(await page.getByLabel("Send push notifications").isChecked(), false);
    assert.equal(await page.getByLabel("Show reminders in the inbox").isChecked(), true);
    assert.equal(await field("Address").getAttribute("placeholder"), email);
  });

  test("an unverified address says so until the mailed link is opened", async () => {
    await page.goto("/settings");
    const status = page.getByTestId("email-status");
    await waitUntil(async () => (await status.innerText()).includes("Unverified"), "the unverified badge");
    const link = new URL(await verificationLink(email));
    // The link names this stack's public address; open it on the address the tests reach.
    await page.goto(link.pathname + link.hash);
    await page.getByText(`${email} is confirmed`).waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await waitUntil(async () => (await status.innerText()).trim() === "Verified", "the verified state");
  });

  test("push on without a topic: the API's message appears next to the topic field", async () => {
    await page.getByLabel("Send push notifications").check();
    await save();
    const topicInput = field("Topic");
    await page.locator('[aria-invalid="true"]').first().waitFor();
    assert.equal(await topicInput.getAttribute("aria-invalid"), "true");
    assert.match(await errorOf(topicInput), /channels\.push\.topic is required when push is enabled/);
    // The message is in the topic's own field, and the keyboard was taken there.
    await page.locator(".field", { has: topicInput }).locator(".field-error").waitFor();
    await waitUntil(() => page.evaluate(() => document.activeElement?.getAttribute("name") === "channels.push.topic"), "focus on the topic");
    assert.deepEqual(patches.at(-1), { channels: { push: { enabled: true } } });
    assert.equal((await status().innerText()).trim(), "");
  });

  test("saves only what changed, and the values survive a reload", async () => {
    await field("Topic").fill(topic);
    await page.getByLabel("Send reminders by email").uncheck();
    await field("Name").fill("Grace Hopper");
    await field("Time zone").fill("Asia/Tokyo");
    const sent = patches.length;
    await save();
    await page.getByTestId("settings-status").filter({ hasText: "Settings saved." }).waitFor();
    assert.equal(patches.length, sent + 1);
    assert.deepEqual(patches.at(-1), {
      name: "Grace Hopper",
      time_zone: "Asia/Tokyo",
      channels: { email: { enabled: false }, push: { enabled: true, topic } },
    });
    assert.equal(await field("Topic").getAttribute("aria-invalid"), "false");
    assert.equal(await errorOf(field("Topic")), "");
    await page.locator(".who", { hasText: "Grace Hopper" }).waitFor(); // the header follows
    // Nothing changed since: nothing is sent.
    await save();
    await page.getByTestId("settings-status").filter({ hasText: "Nothing to save." }).waitFor();
    assert.equal(patches.length, sent + 1);

    await page.reload();
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await waitUntil(async () => (await field("Topic").inputValue()) === topic, "the saved topic after a reload");
    assert.equal(await page.getByLabel("Send push notifications").isChecked(), true);
    assert.equal(await page.getByLabel("Send reminders by email").isChecked(), false);
    assert.equal(await page.getByLabel("Show reminders in the inbox").isChecked(), true);
    assert.equal(await field("Name").inputValue(), "Grace Hopper");
    assert.equal(await field("Time zone").inputValue(), "Asia/Tokyo");
    assert.equal(await field("Address").inputValue(), "", "the address follows the account email");

    const me = await apiCall(context, "GET", "/api/v1/me");
    assert.equal(me.name, "Grace Hopper");
    assert.equal(me.time_zone, "Asia/Tokyo");
    assert.deepEqual(me.channels.push, { enabled: true, topic });
    // Verified by the link opened in the test before; turning email off keeps that.
    assert.deepEqual(me.channels.email, { enabled: false, address: email, verified: true });
    assert.equal(me.channels.in_app.enabled, true);
  });

  test("a key file that is not JSON gets a message in the page, and is never sent", async () => {
    const sent = patches.length;
    const input = field("Service-account key file");
    await input.setInputFiles({ name: "key.json", mimeType: "application/json", buffer: Buffer.from("this is { not json") });
    await waitUntil(async () => /key\.json is not a JSON key file/.test(await errorOf(input)), "the key file message");
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    await save();
    await page.getByTestId("settings-status").filter({ hasText: "Nothing to save." }).waitFor();
    assert.equal(patches.length, sent, "the API was called");
  });

  test("a real key file is stored; the page names its account and can forget it", async () => {
    const privateKey = execFileSync("openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"], // its progress dots on stderr stay out of the report
    });
    const clientEmail = "x@todo-ui.iam.gserviceaccount.com";
    const key = {
      type: "service_account",
      project_id: "todo-ui",
      private_key: privateKey,
      client_email: clientEmail,
      token_uri: "https://oauth2.googleapis.com/token",
    };
    const input = field("Service-account key file");
    await input.setInputFiles({ name: "todo-ui.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(key)) });
    await page.getByTestId("key-file-status").filter({ hasText: `New key file for ${clientEmail}` }).waitFor();
    assert.equal(await input.getAttribute("aria-invalid"), "false");
    await save();
    await page.getByTestId("settings-status").filter({ hasText: "Settings saved." }).waitFor();
    await page.getByTestId("key-file-status").filter({ hasText: `Key file set for ${clientEmail}` }).waitFor();
    assert.deepEqual(patches.at(-1), { channels: { fcm: { service_account: key } } });
    assert.equal(await field("Project id").inputValue(), "todo-ui", "the key file's project is the default");

    const me = await apiCall(context, "GET", "/api/v1/me");
    assert.equal(me.channels.fcm.credentials_set, true);
    assert.equal(me.channels.fcm.client_email, clientEmail);
    assert.ok(!JSON.stringify(me).includes("PRIVATE KEY"), "the API returned the key");

    // The whole form in one picture.
    const size = page.viewportSize();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height });
    await shot(page, "settings");
    await page.setViewportSize(size);

    await page.getByRole("button", { name: "Forget key file" }).click();
    await page.getByTestId("settings-status").filter({ hasText: "Key file forgotten." }).waitFor();
    await page.getByTestId("key-file-status").filter({ hasText: "No key file set" }).waitFor();
    assert.deepEqual(patches.at(-1), { channels: { fcm: { service_account: null } } });
    const after = await apiCall(context, "GET", "/api/v1/me");
    assert.equal(after.channels.fcm.credentials_set, false);
    assert.equal(after.channels.fcm.client_email, null);
  });

  test("fits a phone-sized screen", async () => {
    const phone = await context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto("/settings");
      await phone.getByLabel("Topic", { exact: true }).waitFor();
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await shot(phone, "settings-phone");
    } finally {
      await phone.close();
    }
  });
});
