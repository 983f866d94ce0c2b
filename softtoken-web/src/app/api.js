// The device API of docs/softtoken-protocol.md, spoken from the same origin that serves the app.
import { randomId } from "./codec.js";
import { signJws, sha256Base64Url } from "./keys.js";
import { fromBase64 } from "./codec.js";

export class ApiError extends Error {
  constructor(code, status) {
    super(code);
    this.code = code;
    this.status = status;
  }
}

/** The device API base: the app lives at {base}app/. */
export function apiBase() {
  return new URL("../", location.href).href;
}

async function call(method, url, { body, authorization } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (authorization) headers.Authorization = "SoftToken " + authorization;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "omit",
      redirect: "error",
    });
  } catch (e) {
    throw new ApiError("network_error", 0);
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const code = json && typeof json.error === "string" ? json.error : "http_" + response.status;
    throw new ApiError(code, response.status);
  }
  return json;
}

/** A new device-auth JWS for one request (§7); `extra` adds claims such as csh. */
function deviceAuth(device, method, url, extra = {}) {
  return signJws(
    device.privateKey,
    { alg: "ES256", typ: "gfmis-device-auth+jwt", kid: device.serialNumber },
    { htm: method, htu: url, iat: Math.floor(Date.now() / 1000), jti: randomId(16), ...extra },
  );
}

export function enroll(base, activationCode, csr, deviceName) {
  return call("POST", base + "enroll", { body: { activationCode, csr, deviceName } });
}

export async function challenges(device) {
  const url = device.base + "challenges";
  const answer = await call("GET", url, { authorization: await deviceAuth(device, "GET", url) });
  return answer.challenges;
}

/** Signs the holder's answer (§8.4); returns the compact JWS so callers can see what was sent. */
export function signAnswer(device, challenge, decision, number) {
  const payload = {
    challengeId: challenge.id,
    nonce: challenge.nonce,
    decision,
    iat: Math.floor(Date.now() / 1000),
  };
  if (decision === "approve") payload.number = number;
  return signJws(
    device.privateKey,
    { alg: "ES256", typ: "gfmis-challenge-response+jwt", kid: device.serialNumber },
    payload,
  );
}

export function sendAnswer(device, challengeId, response) {
  const url = device.base + "challenges/" + encodeURIComponent(challengeId) + "/response";
  return call("POST", url, { body: { response } });
}

export async function status(device) {
  const url = device.base + "device";
  return call("GET", url, { authorization: await deviceAuth(device, "GET", url) });
}

export async function revoke(device) {
  const url = device.base + "device/revoke";
  return call("POST", url, { body: {}, authorization: await deviceAuth(device, "POST", url) });
}

export async function renew(device, csr) {
  const url = device.base + "device/renew";
  const csh = await sha256Base64Url(fromBase64(csr));
  return call("POST", url, {
    body: { csr },
    authorization: await deviceAuth(device, "POST", url, { csh }),
  });
}

/** Registers this phone's push subscription (PushSubscription.toJSON()) with the server (§14.2). */
export async function subscribePush(device, subscription) {
  const url = device.base + "device/push";
  return call("POST", url, { body: subscription, authorization: await deviceAuth(device, "POST", url) });
}

export async function unsubscribePush(device) {
  const url = device.base + "device/push";
  return call("DELETE", url, { authorization: await deviceAuth(device, "DELETE", url) });
}
