// Holder verification before an approval or a cancellation: the phone's own screen lock through
// WebAuthn user verification where the phone offers it, otherwise an app PIN checked on the phone.
// Neither leaves the phone: the server never sees the PIN, its hash or the WebAuthn credential.
import { sameBytes, toBase64Url, utf8 } from "./codec.js";

/** Wrong PINs in a row after which the app deletes the key (the phone must be registered again). */
export const MAX_PIN_FAILURES = 5;
const PBKDF2_ITERATIONS = 600000;
const PIN = /^[0-9]{6,12}$/;
const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/**
 * "webauthn" when the phone has a user-verifying platform authenticator (fingerprint, face, screen
 * lock) that this origin may use, else "pin". WebAuthn refuses IP-address hosts (the demo on a
 * local network), and headless browsers have no platform authenticator.
 */
export async function availableKind() {
  try {
    if (IP_HOST.test(location.hostname) || !window.PublicKeyCredential) return "pin";
    const ok = await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable();
    return ok ? "webauthn" : "pin";
  } catch (e) {
    return "pin";
  }
}

/** Why a PIN cannot be used ("pinFormat", "pinWeak", "pinMismatch"), or null when it can. */
export function pinProblem(pin, again) {
  if (!PIN.test(pin)) return "pinFormat";
  const steps = new Set();
  for (let i = 1; i < pin.length; i++) steps.add((pin.charCodeAt(i) - pin.charCodeAt(i - 1) + 10) % 10);
  if (steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9))) return "pinWeak";
  if (pin !== again) return "pinMismatch";
  return null;
}

async function pinHash(pin, salt) {
  const material = await crypto.subtle.importKey("raw", utf8(pin), "PBKDF2", false, ["deriveBits"]);
  return crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: PBKDF2_ITERATIONS },
    material,
    256,
  );
}

/** The guard record kept with the device: a salted PBKDF2 hash of the PIN, never the PIN. */
export async function pinGuard(pin) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { kind: "pin", salt, hash: await pinHash(pin, salt), failures: 0 };
}

/** Whether the PIN is the one set at registration. */
export async function pinMatches(guard, pin) {
  return sameBytes(await pinHash(pin, guard.salt), guard.hash);
}

/** Registers a platform credential that needs the phone's user verification; its id is the guard. */
export async function webAuthnGuard(label) {
  const credential = await navigator.credentials.create({
    publicKey: {
      rp: { name: "GFMIS Soft Token" },
      user: { id: crypto.getRandomValues(new Uint8Array(16)), name: label, displayName: label },
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      pubKeyCredParams: [
        { type: "public-key", alg: -7 },
        { type: "public-key", alg: -257 },
      ],
      authenticatorSelection: {
        authenticatorAttachment: "platform",
        userVerification: "required",
        residentKey: "discouraged",
      },
      timeout: 120000,
    },
  });
  return { kind: "webauthn", credentialId: credential.rawId, failures: 0 };
}

/**
 * Asks the phone to verify the holder (fingerprint, face or screen lock). True only when the
 * authenticator reports user verification (flag UV) for this challenge.
 */
export async function webAuthnVerify(guard) {
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  let assertion;
  try {
    assertion = await navigator.credentials.get({
      publicKey: {
        challenge,
        allowCredentials: [{ type: "public-key", id: guard.credentialId }],
        userVerification: "required",
        timeout: 120000,
      },
    });
  } catch (e) {
    return false;
  }
  const flags = new Uint8Array(assertion.response.authenticatorData)[32];
  const client = JSON.parse(new TextDecoder().decode(assertion.response.clientDataJSON));
  return (flags & 0x05) === 0x05 && client.type === "webauthn.get" && client.challenge === toBase64Url(challenge);
}
