import type { routes } from "@keycloak/keycloak-admin-ui";
import type { TFunction } from "i18next";
import { lazy } from "react";

const RegistrationsQueue = lazy(() => import("./RegistrationsQueue"));
const RegistrationDetail = lazy(() => import("./RegistrationDetail"));

// Access is checked by the API (approver or auditor role), not by a realm-management role.
export const registrationsPath = (realm: string) =>
  `/${encodeURIComponent(realm)}/gfmis-registrations`;

export const gfmisRoutes: typeof routes = [
  {
    path: "/:realm/gfmis-registrations",
    element: <RegistrationsQueue />,
    handle: { access: [], breadcrumb: (t: TFunction) => t("gfmisRegistrations") },
  },
  {
    path: "/:realm/gfmis-registrations/:id",
    element: <RegistrationDetail />,
    handle: { access: [], breadcrumb: (t: TFunction) => t("gfmisRegistration") },
  },
];
