package th.go.agency.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Every key of application.yml is a property Spring Boot's OAuth2 client knows (no typos). */
class ApplicationYmlTest {

  @Test
  void everyKeyBindsToTheOAuth2ClientProperties() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    List<PropertySource<?>> yml =
        new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"));
    yml.forEach(environment.getPropertySources()::addFirst);
    environment.getSystemProperties().put("GFMIS_CLIENT_SECRET", "s3cret");
    OAuth2ClientProperties properties =
        Binder.get(environment, new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
            .bind("spring.security.oauth2.client", Bindable.of(OAuth2ClientProperties.class))
            .get();
    OAuth2ClientProperties.Registration registration = properties.getRegistration().get("gfmis");
    assertEquals("agency-budget", registration.getClientId());
    assertEquals("s3cret", registration.getClientSecret());
    assertEquals("client_secret_basic", registration.getClientAuthenticationMethod());
    assertEquals("authorization_code", registration.getAuthorizationGrantType());
    assertEquals(java.util.Set.of("openid", "profile", "email"), registration.getScope());
    OAuth2ClientProperties.Provider provider = properties.getProvider().get("gfmis");
    assertEquals("https://sso.example.go.th/realms/gfmis", provider.getIssuerUri());
    assertEquals("gfmis_user_id", provider.getUserNameAttribute());
  }
}
