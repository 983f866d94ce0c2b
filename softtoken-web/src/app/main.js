// The GFMIS Soft Token web app: enroll from the activation link, approve or deny sign-ins with
// number matching, show, renew and cancel this device. Everything goes through the device API.
import * as api from "./api.js";
import { checkIssued, csrFor, newKeyPair } from "./keys.js";
import { loadDevice, saveDevice, forgetDevice } from "./store.js";
import { t, errorText, formatTime, lang, toggleLanguage } from "./i18n.js";

const POLL_MS = 2500;
const CODE = /^[A-Za-z0-9_-]{43}$/;

const $ = (id) => document.getElementById(id);
let device = null;
let deviceStatus = null;
let pollTimer = null;
let activationCode = null;
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
  if (device) {
    $("device-name-value").textContent = device.deviceName;
    $("user-id").textContent = device.username;
    $("not-after").textContent = formatTime(device.notAfter);
    const from = deviceStatus && deviceStatus.renewableFrom;
    $("renew-from").textContent = from ? formatTime(from) : "–";
    $("renew").disabled = !from || Date.parse(from) > Date.now();
  }
}

async function register(event) {
  event.preventDefault();
  const name = $("device-name").value.trim() || t("deviceNameDefault");
  $("register").disabled = true;
  say(t("registering"));
  try {
    const keys = await newKeyPair();
    const answer = await api.enroll(api.apiBase(), activationCode, await csrFor(keys), name);
    await checkIssued(answer, keys.publicKey);
    device = deviceFrom(answer, keys);
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
  device = { ...deviceFrom(answer, keys), base: device.base };
  await saveDevice(device);
  deviceStatus = await api.status(device);
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
  if (!device) return;
  try {
    renderPending(await api.challenges(device));
    $("offline").hidden = true;
  } catch (e) {
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

let shownIds = null;

/** Redraws the list only when it changed, so a button the holder is about to tap stays put. */
function renderPending(list) {
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
  answered.add(challenge.id);
  for (const b of document.querySelectorAll(`li[data-id="${challenge.id}"] :is(button, input)`)) b.disabled = true;
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
}

async function start() {
  readActivation();
  $("lang").addEventListener("click", () => {
    toggleLanguage();
    render();
  });
  $("enroll-form").addEventListener("submit", register);
  $("renew").addEventListener("click", onRenew);
  $("revoke").addEventListener("click", onRevoke);
  addEventListener("online", render);
  addEventListener("offline", render);
  document.addEventListener("visibilitychange", () => (document.hidden ? stopPolling() : startPolling()));
  if (!isSecureContext || !crypto.subtle) {
    render();
    $("error").textContent = t("insecure");
    return;
  }
  try {
    device = (await loadDevice()) || null;
  } catch (e) {
    device = null;
  }
  render();
  if (device) {
    await refreshStatus();
    startPolling();
  }
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
  document.body.dataset.ready = "true";
}

start();
