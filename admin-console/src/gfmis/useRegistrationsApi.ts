import { useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import { useMemo } from "react";
import { RegistrationsApi } from "./api";

export const useRegistrationsApi = () => {
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();
  return useMemo(() => new RegistrationsApi(adminClient, realm), [adminClient, realm]);
};
