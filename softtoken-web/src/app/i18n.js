// Thai and English texts; the holder's choice is remembered on this phone.
const TEXTS = {
  th: {
    title: "GFMIS Soft Token",
    language: "English",
    notRegistered: "มือถือเครื่องนี้ยังไม่ได้ลงทะเบียน Soft Token",
    howToRegister:
      "ลงชื่อเข้าใช้ GFMIS บนคอมพิวเตอร์ ไปที่หน้า Get Certificate แล้วสแกน QR Code ด้วยกล้องของมือถือเครื่องนี้",
    registerTitle: "ลงทะเบียนมือถือเครื่องนี้",
    registerServer: "เซิร์ฟเวอร์",
    deviceNameLabel: "ชื่ออุปกรณ์",
    deviceNameDefault: "Soft Token บนเว็บ",
    register: "ลงทะเบียน",
    registering: "กำลังลงทะเบียน…",
    registered: "ลงทะเบียนเรียบร้อย หน้าจอบนคอมพิวเตอร์จะไปต่อเอง",
    deviceTitle: "อุปกรณ์นี้",
    deviceName: "ชื่ออุปกรณ์",
    userId: "รหัสผู้ใช้",
    notAfter: "ใบรับรองหมดอายุ",
    pendingTitle: "คำขอเข้าสู่ระบบ",
    noPending: "ไม่มีคำขอเข้าสู่ระบบที่รออยู่",
    client: "ระบบ",
    browser: "เบราว์เซอร์",
    ip: "IP",
    time: "เวลา",
    pickNumber: "แตะตัวเลขที่แสดงบนหน้าจอคอมพิวเตอร์",
    typeNumber: "พิมพ์ตัวเลขที่แสดงบนหน้าจอคอมพิวเตอร์",
    approve: "อนุมัติ",
    deny: "ไม่ใช่ฉัน ปฏิเสธ",
    approved: "อนุมัติแล้ว",
    denied: "ปฏิเสธแล้ว",
    renew: "ต่ออายุใบรับรอง",
    renewed: "ต่ออายุใบรับรองแล้ว",
    renewFrom: "ต่ออายุได้ตั้งแต่",
    revoke: "ยกเลิก Soft Token บนมือถือเครื่องนี้",
    revokeConfirm: "ยกเลิก Soft Token? ต้องลงทะเบียนใหม่จึงจะใช้ได้อีก",
    revoked: "ยกเลิก Soft Token แล้ว",
    offline: "ไม่มีการเชื่อมต่ออินเทอร์เน็ต ตรวจสอบเครือข่ายของมือถือ",
    insecure: "ต้องเปิดแอปผ่าน HTTPS (หรือ localhost) จึงจะใช้งานได้",
    err_invalid_activation_code: "QR Code หมดอายุหรือถูกใช้แล้ว ขอ QR Code ใหม่ที่หน้า Get Certificate",
    err_wrong_number: "ตัวเลขไม่ตรงกัน การเข้าสู่ระบบถูกปฏิเสธ เริ่มเข้าสู่ระบบใหม่",
    err_challenge_expired: "คำขอหมดเวลาแล้ว เริ่มเข้าสู่ระบบใหม่",
    err_challenge_not_found: "คำขอนี้ไม่มีอยู่แล้ว",
    err_replayed: "คำตอบนี้ถูกส่งไปแล้ว",
    err_certificate_revoked: "มือถือเครื่องนี้ไม่ได้ลงทะเบียนแล้ว (ถูกยกเลิกหรือแทนที่) ลงทะเบียนใหม่",
    err_certificate_expired: "ใบรับรองหมดอายุแล้ว ติดต่อผู้ดูแลระบบแล้วลงทะเบียนใหม่",
    err_unknown_certificate: "มือถือเครื่องนี้ไม่ได้ลงทะเบียนแล้ว ลงทะเบียนใหม่",
    err_invalid_signature: "มือถือเครื่องนี้ไม่ได้ลงทะเบียนแล้ว ลงทะเบียนใหม่",
    err_renewal_too_early: "ยังต่ออายุไม่ได้",
    err_invalid_device_auth: "ตรวจสอบว่าเวลาของมือถือตั้งเป็นอัตโนมัติ",
    err_too_many_requests: "มีคำขอมากเกินไป รอสักครู่แล้วลองใหม่",
    err_network_error: "ไม่มีการเชื่อมต่ออินเทอร์เน็ต ตรวจสอบเครือข่ายของมือถือ",
    err_other: "เกิดข้อผิดพลาด ลองใหม่อีกครั้ง",
  },
  en: {
    title: "GFMIS Soft Token",
    language: "ภาษาไทย",
    notRegistered: "This phone has no Soft Token yet.",
    howToRegister:
      "Sign in to GFMIS on a computer, go to the Get Certificate page and scan its QR code with this phone's camera.",
    registerTitle: "Register this phone",
    registerServer: "Server",
    deviceNameLabel: "Device name",
    deviceNameDefault: "Soft Token web app",
    register: "Register",
    registering: "Registering…",
    registered: "Registered. The page on the computer moves on by itself.",
    deviceTitle: "This device",
    deviceName: "Device name",
    userId: "User ID",
    notAfter: "Certificate expires",
    pendingTitle: "Sign-in requests",
    noPending: "No sign-in request is waiting.",
    client: "Application",
    browser: "Browser",
    ip: "IP address",
    time: "Time",
    pickNumber: "Tap the number shown on the computer",
    typeNumber: "Type the number shown on the computer",
    approve: "Approve",
    deny: "This wasn't me: deny",
    approved: "Approved",
    denied: "Denied",
    renew: "Renew the certificate",
    renewed: "The certificate was renewed.",
    renewFrom: "Renewable from",
    revoke: "Cancel the Soft Token on this phone",
    revokeConfirm: "Cancel the Soft Token? You will have to register again to use it.",
    revoked: "The Soft Token was cancelled.",
    offline: "No network connection. Check the phone's network.",
    insecure: "The app works only over HTTPS (or on localhost).",
    err_invalid_activation_code: "This QR code expired or was used. Get a new one on the Get Certificate page.",
    err_wrong_number: "Wrong number: the sign-in was refused. Start the sign-in again.",
    err_challenge_expired: "The request timed out. Start the sign-in again.",
    err_challenge_not_found: "This request no longer exists.",
    err_replayed: "This answer was already sent.",
    err_certificate_revoked: "This phone is no longer registered (cancelled or replaced). Register again.",
    err_certificate_expired: "The certificate expired. Contact the administrator, then register again.",
    err_unknown_certificate: "This phone is no longer registered. Register again.",
    err_invalid_signature: "This phone is no longer registered. Register again.",
    err_renewal_too_early: "Renewal is not open yet.",
    err_invalid_device_auth: "Check that the phone's clock is set automatically.",
    err_too_many_requests: "Too many requests. Wait a moment and try again.",
    err_network_error: "No network connection. Check the phone's network.",
    err_other: "Something went wrong. Try again.",
  },
};

let language =
  localStorage.getItem("gfmis-softtoken-lang") ||
  ((navigator.language || "th").toLowerCase().startsWith("en") ? "en" : "th");

export function lang() {
  return language;
}

export function toggleLanguage() {
  language = language === "th" ? "en" : "th";
  localStorage.setItem("gfmis-softtoken-lang", language);
}

export function t(key) {
  return TEXTS[language][key] ?? TEXTS.en[key] ?? key;
}

export function errorText(code) {
  return TEXTS[language]["err_" + code] ?? t("err_other");
}

export function formatTime(iso) {
  return new Date(iso).toLocaleString(language === "th" ? "th-TH" : "en-GB");
}
