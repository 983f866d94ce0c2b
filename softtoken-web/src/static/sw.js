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

// Web Push (§14.2): the message, encrypted end to end to this browser's subscription, is
// {"challengeId": "…", "challenge": {…}}: the challenge exactly as GET challenges lists it, or only
// the id (an older server, or a message too big for a push). A challenge that passes the checks
// below is kept in this origin's IndexedDB (never in the notification or its link), so that the app
// opened from the notification shows it at once and answers it without listing first; the device
// still signs its nonce and the server checks the answer as any other. Anything else: the app
// lists the pending requests as always (a forged push shows nothing that is not pending).
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const NONCE = /^[A-Za-z0-9_-]{43}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const PUSHED_DB = "gfmis-softtoken-push";
const PUSHED = "challenges";

const optionalText = (v) => v === undefined || typeof v === "string";
const time = (v) => typeof v === "string" && TIME.test(v) && !Number.isNaN(Date.parse(v));

/** The pushed challenge when it is complete, about this id and not expired; else null. */
function pushedChallenge(c, challengeId) {
  if (!c || typeof c !== "object" || Array.isArray(c) || c.id !== challengeId) return null;
  if (typeof c.nonce !== "string" || !NONCE.test(c.nonce)) return null;
  if (!time(c.createdAt) || !time(c.expiresAt) || Date.parse(c.expiresAt) <= Date.now()) return null;
  if (![c.clientId, c.clientName, c.browser, c.ipAddress].every(optionalText)) return null;
  if (c.numberMatching !== undefined && c.numberMatching !== "pick" && c.numberMatching !== "type") return null;
  const choices = c.numberChoices;
  if (
    choices !== undefined &&
    !(
      Array.isArray(choices) &&
      choices.length === 3 &&
      choices.every((n) => Number.isInteger(n) && n >= 10 && n <= 99) &&
      new Set(choices).size === 3
    )
  ) {
    return null;
  }
  // Only the members of a listed challenge (§8.2), nothing else the message may hold.
  const kept = { id: c.id, nonce: c.nonce, createdAt: c.createdAt, expiresAt: c.expiresAt };
  for (const name of ["clientId", "clientName", "browser", "ipAddress", "numberChoices", "numberMatching"]) {
    if (c[name] !== undefined) kept[name] = c[name];
  }
  return kept;
}

/** Keeps a pushed challenge for the app (and drops the expired ones). */
function keep(challenge) {
  return new Promise((resolve) => {
    const open = indexedDB.open(PUSHED_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(PUSHED);
    open.onerror = () => resolve();
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(PUSHED, "readwrite");
      const store = tx.objectStore(PUSHED);
      store.openCursor().onsuccess = (event) => {
        const cursor = event.target.result;
        if (!cursor) return;
        if (Date.parse(cursor.value.expiresAt) <= Date.now()) cursor.delete();
        cursor.continue();
      };
      store.put(challenge, challenge.id);
      tx.oncomplete = tx.onerror = tx.onabort = () => {
        db.close();
        resolve();
      };
    };
  });
}

self.addEventListener("push", (event) => {
  let challengeId = null;
  let challenge = null;
  try {
    const data = event.data ? event.data.json() : null;
    if (data && typeof data.challengeId === "string" && ID.test(data.challengeId)) {
      challengeId = data.challengeId;
      challenge = pushedChallenge(data.challenge, challengeId);
    }
  } catch (e) {
    challengeId = null;
    challenge = null;
  }
  const url = new URL("./", self.registration.scope);
  if (challengeId) url.hash = "challenge=" + challengeId;
  event.waitUntil(
    (challenge ? keep(challenge) : Promise.resolve())
      .then(() => self.clients.matchAll({ type: "window", includeUncontrolled: true }))
      .then((windows) => {
        for (const client of windows) client.postMessage({ type: "challenge", challengeId, challenge });
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
