package th.gfmis.keycloak.registration;

import java.util.List;

/** One page of a {@link RegistrationQuery}, with the number of all matches. */
public record RegistrationPage(List<Registration> items, long total) {}
