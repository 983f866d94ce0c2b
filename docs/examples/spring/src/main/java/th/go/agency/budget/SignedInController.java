package th.go.agency.budget;

import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SignedInController {

  /** The claims of the validated ID token, as the agency receives them. */
  @GetMapping("/")
  Map<String, Object> idToken(@AuthenticationPrincipal OidcUser user) {
    return user.getIdToken().getClaims();
  }

  /** An action that needs the Soft Token level: check acr in the ID token, not the request. */
  @GetMapping("/payments")
  String payments(@AuthenticationPrincipal OidcUser user) {
    if (!"gfmis-softtoken".equals(user.getClaimAsString("acr"))) {
      throw new AccessDeniedException("Soft Token level required");
    }
    return "payments of " + user.getName(); // user-name-attribute: the GFMIS user ID
  }
}
