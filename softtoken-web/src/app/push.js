// Web Push (§14.2): subscribe with the server's VAPID key and register the subscription through
// the device API. The push message only says which challenge waits; the app then asks the server.
import * as api from "./api.js";
import { sameBytes } from "./codec.js";

export function supported() {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

function keyBytes(base64Url) {
  const text = base64Url.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(text + "=".repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * Asks for permission (the first time), subscribes (again if the server's key changed) and
 * registers the subscription. Resolves false when the holder does not allow notifications.
 */
export async function subscribe(device, webPushKey) {
  if ((await Notification.requestPermission()) !== "granted") return false;
  const registration = await navigator.serviceWorker.ready;
  const key = keyBytes(webPushKey);
  let subscription = await registration.pushManager.getSubscription();
  const current = subscription && subscription.options.applicationServerKey;
  if (subscription && !(current && sameBytes(new Uint8Array(current), key))) {
    await subscription.unsubscribe();
    subscription = null;
  }
  if (!subscription) {
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  await api.subscribePush(device, subscription.toJSON());
  return true;
}

export async function unsubscribe(device) {
  await api.unsubscribePush(device);
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  if (subscription) await subscription.unsubscribe();
}
