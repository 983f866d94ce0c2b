package th.gfmis.keycloak.softtoken.server.api;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenJson;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/** JSON answers of the device API, never cached. */
final class ApiResponses {

  private ApiResponses() {}

  static Response json(int status, Object body) {
    return Response.status(status)
        .type(SoftTokenProtocol.MEDIA_TYPE_JSON)
        .cacheControl(noStore())
        .entity(SoftTokenJson.writeBytes(body))
        .build();
  }

  static Response error(SoftTokenProtocolException e) {
    Response.ResponseBuilder builder =
        Response.status(e.httpStatus())
            .type(SoftTokenProtocol.MEDIA_TYPE_JSON)
            .cacheControl(noStore())
            .entity(SoftTokenJson.writeBytes(e.toErrorResponse()));
    if (e.httpStatus() == 401) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, SoftTokenProtocol.AUTH_SCHEME);
    }
    return builder.build();
  }

  private static CacheControl noStore() {
    CacheControl cc = new CacheControl();
    cc.setNoStore(true);
    cc.setNoCache(true);
    return cc;
  }
}
