// The device key: ECDSA P-256 made by WebCrypto as non-extractable, so the private key never
// leaves the browser's key store; the CSR (PKCS#10) is built with @peculiar/x509.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { toBase64, toBase64Url, utf8 } from "./codec.js";

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256" };
const SIGNING = { name: "ECDSA", hash: "SHA-256" };

x509.cryptoProvider.set(crypto);

export function newKeyPair() {
  return crypto.subtle.generateKey(ALGORITHM, false, ["sign", "verify"]);
}

/** DER PKCS#10 signed by the key itself (proof of possession), base64 with padding. */
export async function csrFor(keys) {
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: "CN=gfmis-softtoken-device",
    keys,
    signingAlgorithm: SIGNING,
  });
  return toBase64(csr.rawData);
}

/** ES256 JWS: WebCrypto already signs in the JOSE form R‖S (64 bytes). */
export async function signJws(privateKey, header, payload) {
  const input =
    toBase64Url(utf8(JSON.stringify(header))) + "." + toBase64Url(utf8(JSON.stringify(payload)));
  const signature = await crypto.subtle.sign(SIGNING, privateKey, utf8(input));
  return input + "." + toBase64Url(signature);
}

export async function sha256Base64Url(bytes) {
  return toBase64Url(await crypto.subtle.digest("SHA-256", bytes));
}

/**
 * Checks an enrollment or renewal answer as §5.1 step 5 says: the certificate carries this key,
 * its serial and CN are the ones announced, and it verifies with the first CA certificate.
 */
export async function checkIssued(answer, publicKey, username) {
  const certificate = new x509.X509Certificate(answer.certificate);
  const ca = new x509.X509Certificate(answer.caCertificates[0]);
  const ownSpki = new Uint8Array(await crypto.subtle.exportKey("spki", publicKey));
  const certSpki = new Uint8Array(certificate.publicKey.rawData);
  const serial = certificate.serialNumber.toLowerCase().replace(/^0+/, "");
  const cn = certificate.subjectName.getField("CN")[0];
  const ok =
    toBase64(ownSpki) === toBase64(certSpki) &&
    serial === answer.serialNumber &&
    cn === answer.username &&
    (username === undefined || username === answer.username) &&
    (await certificate.verify({ publicKey: ca.publicKey, signatureOnly: true }));
  if (!ok) throw Object.assign(new Error("invalid_response"), { code: "invalid_response" });
}
