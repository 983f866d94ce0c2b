// The GFMIS Soft Token web app: enroll from the activation link, approve or deny sign-ins with
// number matching, show, renew and cancel this device. Everything goes through the device API.
import * as api from "./api.js";
import { checkIssued, csrFor, newKeyPair } from "./keys.js";
import { loadDevice, saveDevice, forgetDevice, takePushed } from "./store.js";
import { t, errorText, formatTime, lang, toggleLanguage } from "./i18n.js";
import * as guards from "./guard.js";
import * as push from "./push.js";

const POLL_MS = 2500;
const CODE = /^[A-Za-z0-9_-]{43}$/;
const CHALLENGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

const $ = (id) => document.getElementById(id);
let device = null;
let deviceStatus = null;
let pollTimer = null;
let activationCode = null;
// The challenge of the push notification that opened the app (its link's #challenge=<id>), and the
// pushed challenge shown without listing until it is answered or expires.
let pushedId = null;
let pushedShown = null;
let guardKind = "pin";
const answered = new Set();

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function say(text) {
  $("error").textContent = "";
  $("message").textContent = text;
}

function fail(error) {
  $("message").textContent = "";
  $("error").textContent = errorText(error && error.code ? error.code : "other");
}

function readActivation() {
  const params = new URLSearchParams(location.hash.slice(1));
  const code = params.get("code");
  if (code && CODE.test(code)) activationCode = code;
  const challenge = params.get("challenge");
  if (challenge && CHALLENGE_ID.test(challenge)) pushedId = challenge;
  if (location.hash) history.replaceState(null, "", location.pathname);
}

function renderTexts() {
  document.documentElement.lang = lang();
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  $("lang").textContent = t("language");
  $("lang").setAttribute("lang", lang() === "th" ? "en" : "th");
}

function render() {
  renderTexts();
  $("offline").hidden = navigator.onLine;
  $("enroll").hidden = device !== null || activationCode === null;
  $("not-registered").hidden = device !== null || activationCode !== null;
  $("device").hidden = device === null;
  $("pending-section").hidden = device === null;
  if (activationCode !== null && !$("device-name").value) {
    $("device-name").value = t("deviceNameDefault");
  }
  $("server").textContent = new URL(api.apiBase()).host;
  $("pin-fields").hidden = $("pin-fields").disabled = guardKind !== "pin";
  $("guard-webauthn").hidden = guardKind !== "webauthn";
  document.body.dataset.guard = guardKind;
  if (device) {
    $("device-name-value").textContent = device.deviceName;
    $("user-id").textContent = device.username;
    $("not-after").textContent = formatTime(device.notAfter);
    const from = deviceStatus && deviceStatus.renewableFrom;
    $("renew-from").textContent = from ? formatTime(from) : "–";
    $("renew").disabled = !from || Date.parse(from) > Date.now();
    const kind = device.guard ? device.guard.kind : null;
    $("guard").textContent = t(kind === "pin" ? "guardPin" : kind === "webauthn" ? "guardWebAuthn" : "guardNone");
    renderPush();
  }
}

/** The notifications row: only where the server sends Web Push and the browser can receive it. */
function renderPush() {
  const key = deviceStatus && deviceStatus.webPushKey;
  const shown = Boolean(key) && push.supported();
  for (const node of document.querySelectorAll(".push-row")) node.hidden = !shown;
  if (!shown) return;
  const on = Boolean(device.push) && Notification.permission === "granted";
  $("push-state").textContent = t(Notification.permission === "denied" ? "pushBlocked" : on ? "pushOn" : "pushOff");
  $("push-toggle").textContent = t(on ? "pushDisable" : "pushEnable");
  $("push-toggle").disabled = Notification.permission === "denied";
}

async function onPushToggle() {
  const key = deviceStatus && deviceStatus.webPushKey;
  if (!device || !key) return;
  try {
    if (device.push && Notification.permission === "granted") {
      await push.unsubscribe(device);
      device = { ...device, push: false };
    } else {
      if (!(await push.subscribe(device, key))) {
        render();
        return;
      }
      device = { ...device, push: true };
    }
    await saveDevice(device);
  } catch (e) {
    $("message").textContent = "";
    $("error").textContent = t("pushFailed");
  }
  render();
}

/** Keeps the server's copy current (a new VAPID key, a renewed certificate), silently. */
async function resyncPush() {
  const key = deviceStatus && deviceStatus.webPushKey;
  if (!device || !device.push || !key || !push.supported() || Notification.permission !== "granted") return;
  try {
    await push.subscribe(device, key);
  } catch (e) {
    // Polling still works; the holder sees the state on the device screen.
  }
}

async function register(event) {
  event.preventDefault();
  const name = $("device-name").value.trim() || t("deviceNameDefault");
  const guard = await newGuard(name);
  if (!guard) return;
  $("register").disabled = true;
  say(t("registering"));
  try {
    const keys = await newKeyPair();
    const answer = await api.enroll(api.apiBase(), activationCode, await csrFor(keys), name);
    await checkIssued(answer, keys.publicKey);
    device = { ...deviceFrom(answer, keys), guard };
    $("pin").value = $("pin-again").value = "";
    await saveDevice(device);
    activationCode = null;
    say(t("registered"));
    await refreshStatus();
    startPolling();
  } catch (e) {
    fail(e);
  } finally {
    $("register").disabled = false;
    render();
  }
}

/** The holder's verification for this device: the phone's screen lock, else a new app PIN. */
async function newGuard(name) {
  if (guardKind === "webauthn") {
    try {
      return await guards.webAuthnGuard(name);
    } catch (e) {
      guardKind = "pin";
      render();
      $("message").textContent = "";
      $("error").textContent = t("webauthnFailed");
      return null;
    }
  }
  const problem = guards.pinProblem($("pin").value, $("pin-again").value);
  if (problem) {
    $("message").textContent = "";
    $("error").textContent = t(problem);
    $("pin").focus();
    return null;
  }
  return guards.pinGuard($("pin").value);
}

let pinAnswer = null;

/** Opens (or keeps open) the PIN dialog; resolves with the PIN typed, or null when cancelled. */
function askPin(problem) {
  const dialog = $("pin-dialog");
  $("pin-entry").value = "";
  $("pin-error").textContent = problem || "";
  if (!dialog.open) dialog.showModal();
  $("pin-entry").focus();
  return new Promise((resolve) => (pinAnswer = resolve));
}

function answerPin(value) {
  const resolve = pinAnswer;
  pinAnswer = null;
  if (value === null && $("pin-dialog").open) $("pin-dialog").close();
  if (resolve) resolve(value);
}

/**
 * Whether the holder is verified for one approval or cancellation: the phone's screen lock, or the
 * app PIN. Each PIN try is counted in IndexedDB before it is checked; after MAX_PIN_FAILURES wrong
 * PINs in a row the Soft Token is cancelled and the key deleted.
 */
async function verifyHolder() {
  const guard = device.guard;
  if (!guard) return true;
  if (guard.kind === "webauthn") return guards.webAuthnVerify(guard);
  let problem = null;
  for (;;) {
    const pin = await askPin(problem);
    if (pin === null) return false;
    device = { ...device, guard: { ...device.guard, failures: device.guard.failures + 1 } };
    await saveDevice(device);
    if (await guards.pinMatches(device.guard, pin)) {
      device = { ...device, guard: { ...device.guard, failures: 0 } };
      await saveDevice(device);
      $("pin-dialog").close();
      return true;
    }
    const left = guards.MAX_PIN_FAILURES - device.guard.failures;
    if (left <= 0) {
      $("pin-dialog").close();
      await pinLockout();
      return false;
    }
    problem = t("pinWrong").replace("{0}", String(left));
  }
}

/** Too many wrong PINs: cancel the certificate (best effort) and delete the key. */
async function pinLockout() {
  // Forgotten first, so that a poll under way cannot report the revocation as its own error.
  const locked = device;
  device = null;
  stopPolling();
  try {
    await api.revoke(locked);
  } catch (e) {
    // Deleting the key is what counts; the server learns of a lost key at the next enrollment.
  }
  await forgetDevice();
  renderPending([]);
  render();
  $("message").textContent = "";
  $("error").textContent = t("pinLocked");
}

function deviceFrom(answer, keys) {
  return {
    base: api.apiBase(),
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    certificate: answer.certificate,
    serialNumber: answer.serialNumber,
    username: answer.username,
    deviceName: answer.deviceName,
    notAfter: answer.notAfter,
  };
}

/** A certificate the server no longer accepts: the key is useless, forget it. */
async function lost(error) {
  const gone = ["certificate_revoked", "certificate_expired", "unknown_certificate", "invalid_signature"];
  if (error && gone.includes(error.code)) {
    await forgetDevice();
    device = null;
    stopPolling();
  }
  fail(error);
  render();
}

async function refreshStatus() {
  if (!device) return;
  try {
    deviceStatus = await api.status(device);
    const from = deviceStatus.renewableFrom;
    if (from && Date.parse(from) <= Date.now()) await renewNow();
  } catch (e) {
    if (e.code !== "network_error") await lost(e);
  }
  render();
}

async function renewNow() {
  const keys = await newKeyPair();
  const answer = await api.renew(device, await csrFor(keys));
  await checkIssued(answer, keys.publicKey, device.username);
  device = { ...deviceFrom(answer, keys), base: device.base, guard: device.guard };
  await saveDevice(device);
  deviceStatus = await api.status(device);
  await resyncPush();
  say(t("renewed"));
}

async function onRenew() {
  try {
    await renewNow();
  } catch (e) {
    await lost(e);
  }
  render();
}

async function onRevoke() {
  if (!confirm(t("revokeConfirm"))) return;
  if (!(await verifyHolder())) {
    if (device) say(t("notVerified"));
    return;
  }
  try {
    await api.revoke(device);
    await forgetDevice();
    device = null;
    stopPolling();
    renderPending([]);
    say(t("revoked"));
  } catch (e) {
    await lost(e);
  }
  render();
}

async function poll() {
  pollTimer = null;
  const current = device;
  if (!current) return;
  try {
    const list = await api.challenges(current);
    if (!device) return;
    renderPending(list);
    $("offline").hidden = true;
  } catch (e) {
    // The device was cancelled or forgotten meanwhile: its error is no news.
    if (!device) return;
    if (e.code === "network_error") $("offline").hidden = false;
    else if (e.code !== "too_many_requests") return lost(e);
  }
  if (device && !document.hidden) pollTimer = setTimeout(poll, POLL_MS);
}

function startPolling() {
  if (device && pollTimer === null) pollTimer = setTimeout(poll, 0);
}

function stopPolling() {
  if (pollTimer !== null) clearTimeout(pollTimer);
  pollTimer = null;
}

/**
 * A challenge from a push (sw.js checked it): shown at once beside the listed ones, answerable
 * without listing first; the next listing waits until it is answered or expires.
 */
function showPushed(challenge) {
  const left = Date.parse(challenge.expiresAt) - Date.now();
  if (!device || answered.has(challenge.id) || !(left > 0)) return false;
  renderPending([...lastPending.filter((c) => c.id !== challenge.id), challenge]);
  pushedShown = challenge.id;
  stopPolling();
  pollTimer = setTimeout(poll, left);
  return true;
}

/** The challenge the opening notification's push carried, if the service worker kept it. */
async function openedFromPush() {
  if (!pushedId) return null;
  try {
    const challenge = await takePushed(pushedId);
    return challenge && challenge.id === pushedId ? challenge : null;
  } catch (e) {
    return null;
  }
}

let shownIds = null;
let lastPending = [];

/** Redraws the list only when it changed, so a button the holder is about to tap stays put. */
function renderPending(list) {
  lastPending = list;
  const open = list.filter((c) => !answered.has(c.id));
  const ids = open.map((c) => c.id).join(" ");
  if (ids === shownIds) return;
  shownIds = ids;
  const container = $("pending");
  container.replaceChildren();
  $("no-pending").hidden = open.length > 0;
  for (const challenge of open) {
    const heading = el("h3", { text: challenge.clientName || challenge.clientId });
    const facts = el(
      "dl",
      {},
      el("dt", { text: t("client") }),
      el("dd", { class: "client", text: challenge.clientId }),
      el("dt", { text: t("browser") }),
      el("dd", { text: challenge.browser || "–" }),
      el("dt", { text: t("ip") }),
      el("dd", { text: challenge.ipAddress || "–" }),
      el("dt", { text: t("time") }),
      el("dd", { text: formatTime(challenge.createdAt) }),
    );
    const deny = el("button", { type: "button", class: "deny", text: t("deny") });
    deny.addEventListener("click", () => answer(challenge, "deny"));
    container.append(
      el("li", { class: "challenge", "data-id": challenge.id }, heading, facts, ...matcher(challenge), deny),
    );
  }
}

/** The challenge's number matching (§8.2): "type" the number, or "pick" one of three. */
function typesTheNumber(challenge) {
  return challenge.numberMatching === "type" || !Array.isArray(challenge.numberChoices);
}

/** The controls that approve: three number buttons, or a field for the number. */
function matcher(challenge) {
  if (typesTheNumber(challenge)) {
    const id = "typed-" + challenge.id;
    const input = el("input", {
      id,
      class: "typed-number",
      inputmode: "numeric",
      pattern: "[0-9]{2}",
      maxlength: "2",
      autocomplete: "off",
      required: "",
    });
    const form = el(
      "form",
      { class: "type-number" },
      el("label", { for: id, text: t("typeNumber") }),
      input,
      el("button", { type: "submit", class: "approve", text: t("approve") }),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      answer(challenge, "approve", Number(input.value));
    });
    return [form];
  }
  const numbers = el("div", { class: "numbers", role: "group", "aria-label": t("pickNumber") });
  for (const n of challenge.numberChoices) {
    const button = el("button", { type: "button", class: "number", "data-number": String(n), text: String(n) });
    button.addEventListener("click", () => answer(challenge, "approve", n));
    numbers.append(button);
  }
  return [el("p", { text: t("pickNumber") }), numbers];
}

async function answer(challenge, decision, number) {
  const controls = () => document.querySelectorAll(`li[data-id="${challenge.id}"] :is(button, input)`);
  for (const b of controls()) b.disabled = true;
  if (decision === "approve" && !(await verifyHolder())) {
    for (const b of controls()) b.disabled = false;
    if (device) say(t("notVerified"));
    return;
  }
  answered.add(challenge.id);
  try {
    const response = await api.signAnswer(device, challenge, decision, number);
    const result = await api.sendAnswer(device, challenge.id, response);
    say(t(result.status === "approved" ? "approved" : "denied"));
  } catch (e) {
    if (e.code === "certificate_revoked" || e.code === "unknown_certificate") return lost(e);
    fail(e);
  }
  const li = document.querySelector(`li[data-id="${challenge.id}"]`);
  if (li) li.remove();
  $("no-pending").hidden = $("pending").children.length > 0;
  if (challenge.id === pushedShown) {
    // Answered from the push: listing goes on as usual.
    pushedShown = null;
    stopPolling();
    if (!document.hidden) startPolling();
  }
}

async function start() {
  readActivation();
  $("lang").addEventListener("click", () => {
    toggleLanguage();
    render();
    shownIds = null;
    renderPending(lastPending);
  });
  $("enroll-form").addEventListener("submit", register);
  $("renew").addEventListener("click", onRenew);
  $("pin-form").addEventListener("submit", (event) => {
    event.preventDefault();
    answerPin($("pin-entry").value);
  });
  $("pin-cancel").addEventListener("click", () => answerPin(null));
  $("pin-dialog").addEventListener("cancel", () => answerPin(null));
  $("revoke").addEventListener("click", onRevoke);
  $("push-toggle").addEventListener("click", onPushToggle);
  addEventListener("online", render);
  addEventListener("offline", render);
  document.addEventListener("visibilitychange", () => (document.hidden ? stopPolling() : startPolling()));
  if (!isSecureContext || !crypto.subtle) {
    render();
    $("error").textContent = t("insecure");
    return;
  }
  guardKind = await guards.availableKind();
  try {
    device = (await loadDevice()) || null;
  } catch (e) {
    device = null;
  }
  render();
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js").catch(() => {});
    // A push while the app is open: show its challenge, else look at once instead of at the next
    // poll.
    navigator.serviceWorker.addEventListener("message", (event) => {
      const data = event.data;
      if (!data || data.type !== "challenge" || !device) return;
      if (data.challenge && data.challenge.id === data.challengeId && showPushed(data.challenge)) return;
      if (pollTimer !== null) {
        stopPolling();
        startPolling();
      }
    });
  }
  if (device) {
    // Opened from a notification whose push carried the challenge: show it before anything else.
    const pushed = await openedFromPush();
    if (pushed) showPushed(pushed);
    await refreshStatus();
    resyncPush();
    startPolling();
  }
  document.body.dataset.ready = "true";
}

start();
