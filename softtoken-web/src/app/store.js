// One record in IndexedDB: the device. CryptoKey objects are stored as they are (structured
// clone), so the non-extractable private key stays non-extractable.
const DB = "gfmis-softtoken";
const STORE = "device";
const KEY = "current";
// The challenges the service worker took from Web Push messages (sw.js checks and keeps them).
const PUSHED_DB = "gfmis-softtoken-push";
const PUSHED = "challenges";

function open(name, store) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run(mode, action, name = DB, store = STORE) {
  return open(name, store).then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const request = action(tx.objectStore(store));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        tx.onerror = () => reject(tx.error);
      }),
  );
}

export const loadDevice = () => run("readonly", (s) => s.get(KEY));
export const saveDevice = (device) => run("readwrite", (s) => s.put(device, KEY));
export const forgetDevice = () => run("readwrite", (s) => s.delete(KEY));

/** The pushed challenge with this id, if the service worker kept one; it is kept no longer. */
export const takePushed = (id) =>
  run(
    "readwrite",
    (s) => {
      const request = s.get(id);
      request.onsuccess = () => s.delete(id);
      return request;
    },
    PUSHED_DB,
    PUSHED,
  );
