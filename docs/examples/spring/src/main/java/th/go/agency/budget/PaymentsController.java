package th.go.agency.budget;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PaymentsController {

  @GetMapping("/payments")
  String payments(@AuthenticationPrincipal OidcUser user) {
    if (!"gfmis-softtoken".equals(user.getClaimAsString("acr"))) {
      throw new AccessDeniedException("Soft Token level required");
    }
    return "payments of " + user.getClaimAsString("gfmis_user_id");
  }
}
