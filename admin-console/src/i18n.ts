import type { AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import { createInstance } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";

type KeyValue = { key: string; value: string };

/** Messages of the admin theme (stock keys plus this theme's), as the stock console loads them. */
export const createI18n = (environment: AdminEnvironment) => {
  const realm = (environment as AdminEnvironment & { loginRealm?: string }).realm;
  const i18n = createInstance({
    fallbackLng: "en",
    lng: document.documentElement.lang || navigator.language.split("-")[0],
    interpolation: { escapeValue: false },
    backend: {
      loadPath: `${environment.serverBaseUrl}/resources/${realm}/admin/{{lng}}`,
      parse: (data: string) => {
        const result: Record<string, string> = {};
        (JSON.parse(data) as KeyValue[]).forEach((v) => (result[v.key] = v.value));
        return result;
      },
    },
  });
  i18n.use(FetchBackend);
  i18n.use(initReactI18next);
  return i18n;
};
