import { useRealm, useWhoAmI } from "@keycloak/keycloak-admin-ui";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation } from "react-router-dom";
import { registrationsPath } from "./routes";
import { useRegistrationsApi } from "./useRegistrationsApi";

/**
 * Wraps every console page: follows the signed-in admin's language and adds "GFMIS registrations"
 * to the stock realm menu for callers the API lets read the queue (approvers and auditors).
 */
export const GfmisLayout = () => (
  <>
    <FollowAdminLocale />
    <RegistrationsMenuEntry />
    <Outlet />
  </>
);

const FollowAdminLocale = () => {
  const { i18n } = useTranslation();
  const { whoAmI } = useWhoAmI();
  const locale = whoAmI.locale;
  useEffect(() => {
    if (locale && locale !== i18n.language) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
  return null;
};

const RegistrationsMenuEntry = () => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const api = useRegistrationsApi();
  const location = useLocation();
  const [canRead, setCanRead] = useState(false);
  const [menu, setMenu] = useState<Element | null>(null);

  useEffect(() => {
    let current = true;
    api
      .access()
      .then((access) => current && setCanRead(access.read))
      .catch(() => current && setCanRead(false));
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    setMenu(document.querySelector(".keycloak__page_nav__nav nav.pf-v5-c-nav"));
  }, [location.pathname, realm]);

  if (!canRead || !menu) return null;
  return createPortal(
    <section className="pf-v5-c-nav__section" aria-labelledby="gfmis-nav-title">
      <h2 className="pf-v5-c-nav__section-title" id="gfmis-nav-title">
        GFMIS
      </h2>
      <ul className="pf-v5-c-nav__list" role="list">
        <li className="pf-v5-c-nav__item">
          <NavLink
            id="nav-item-gfmis-registrations"
            data-testid="nav-item-gfmis-registrations"
            to={registrationsPath(realm)}
            className={({ isActive }) => `pf-v5-c-nav__link${isActive ? " pf-m-current" : ""}`}
          >
            {t("gfmisRegistrations")}
          </NavLink>
        </li>
      </ul>
    </section>,
    menu,
  );
};
