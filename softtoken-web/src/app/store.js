// One record in IndexedDB: the device. CryptoKey objects are stored as they are (structured
// clone), so the non-extractable private key stays non-extractable.
const DB = "gfmis-softtoken";
const STORE = "device";
const KEY = "current";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run(mode, action) {
  return open().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = action(tx.objectStore(STORE));
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
