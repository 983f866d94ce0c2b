package th.gfmis.keycloak.core.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import th.gfmis.keycloak.domain.GfmisUserId;

/**
 * Puts the holder's GFMIS user ID in its official upper-case form (e.g. {@code T05005000000101})
 * into the tokens. Keycloak keeps usernames in lower case, so {@code preferred_username} alone does
 * not give agency systems the ID as GFMIS prints it. A username that is not a GFMIS user ID (an
 * operator's account) gets no claim rather than a made-up one.
 */
public class GfmisUserIdMapper extends AbstractOIDCProtocolMapper
    implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper,
        UserInfoTokenMapper,
        TokenIntrospectionTokenMapper {

  public static final String PROVIDER_ID = "gfmis-user-id-mapper";
  public static final String DEFAULT_CLAIM = "gfmis_user_id";

  private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

  static {
    OIDCAttributeMapperHelper.addTokenClaimNameConfig(CONFIG);
    CONFIG.get(0).setDefaultValue(DEFAULT_CLAIM);
    OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, GfmisUserIdMapper.class);
  }

  /** The claim value for a Keycloak username, if it is a GFMIS user ID. */
  static Optional<String> claimValue(String username) {
    return GfmisUserId.parse(username).map(GfmisUserId::value);
  }

  @Override
  protected void setClaim(
      IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession) {
    claimValue(userSession.getUser().getUsername())
        .ifPresent(value -> OIDCAttributeMapperHelper.mapClaim(token, mappingModel, value));
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayType() {
    return "GFMIS user ID";
  }

  @Override
  public String getDisplayCategory() {
    return TOKEN_MAPPER_CATEGORY;
  }

  @Override
  public String getHelpText() {
    return "The GFMIS user ID in upper case (e.g. T05005000000101); no claim for other usernames.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return CONFIG;
  }
}
