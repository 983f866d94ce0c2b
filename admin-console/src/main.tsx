import "@patternfly/react-core/dist/styles/base.css";
import "@keycloak/keycloak-admin-ui/styles.css";

import {
  AdminUi,
  KeycloakProvider,
  routes,
  type AdminEnvironment,
} from "@keycloak/keycloak-admin-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";
import { GfmisLayout } from "./gfmis/GfmisLayout";
import { gfmisRoutes } from "./gfmis/routes";
import { createI18n } from "./i18n";

// The stock console (App, its routes and contexts from @keycloak/keycloak-admin-ui) with the GFMIS
// pages added as routes of their own; GfmisLayout adds the menu entry to the stock menu.
const environment = getInjectedEnvironment<AdminEnvironment>();
const i18n = createI18n(environment);
await i18n.init();

const router = createHashRouter([
  {
    path: "/",
    element: <AdminUi />,
    children: [{ element: <GfmisLayout />, children: [...routes, ...gfmisRoutes] }],
  },
]);

createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <KeycloakProvider environment={environment}>
      <RouterProvider router={router} />
    </KeycloakProvider>
  </StrictMode>,
);
