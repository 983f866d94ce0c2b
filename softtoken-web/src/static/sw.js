// Keeps the app shell for a start without network; the device API is never cached.
const CACHE = "gfmis-softtoken-v1";
const SHELL = ["./", "app.js", "app.css", "manifest.webmanifest", "icon.svg", "icon-192.png", "icon-512.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !url.pathname.startsWith(new URL("./", self.registration.scope).pathname)) return;
  // Network first, so a new version is picked up at once; the cache only when offline.
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        const copy = response.clone();
        if (response.ok) caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true })),
  );
});

// Web Push: the message is {"challengeId": "…"} and nothing else; the notification opens the app,
// which fetches the pending requests from the server as always (a forged push shows nothing).
self.addEventListener("push", (event) => {
  let challengeId = null;
  try {
    const data = event.data ? event.data.json() : null;
    if (data && typeof data.challengeId === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(data.challengeId)) {
      challengeId = data.challengeId;
    }
  } catch (e) {
    challengeId = null;
  }
  const url = new URL("./", self.registration.scope);
  if (challengeId) url.hash = "challenge=" + challengeId;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const client of windows) client.postMessage({ type: "challenge", challengeId });
      return self.registration.showNotification("GFMIS Soft Token", {
        body: "มีคำขอเข้าสู่ระบบรอการอนุมัติ · A sign-in is waiting for your approval",
        tag: "gfmis-softtoken-challenge",
        renotify: true,
        requireInteraction: true,
        icon: "icon-192.png",
        lang: "th",
        data: { url: url.href },
      });
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = (event.notification.data && event.notification.data.url) || self.registration.scope;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url.startsWith(self.registration.scope));
      if (open) return open.focus();
      return self.clients.openWindow(target);
    }),
  );
});
