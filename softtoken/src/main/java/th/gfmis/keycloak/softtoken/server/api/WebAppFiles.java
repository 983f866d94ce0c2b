package th.gfmis.keycloak.softtoken.server.api;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The static files of the GFMIS Soft Token web app (module {@code softtoken-web}, shaded into the
 * bundle under {@code gfmis-softtoken-web/}), served at {@code {base}app/} so the app shares the
 * device API's origin. Only the listed files exist; every answer carries a strict CSP.
 */
final class WebAppFiles {

  static final String RESOURCE_DIR = "gfmis-softtoken-web/";

  /**
   * No inline script or style, nothing from another origin: the app talks only to its own device
   * API.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; "
          + "form-action 'none'; frame-ancestors 'none'";

  private static final Map<String, String> FILES =
      Map.of(
          "index.html", "text/html; charset=UTF-8",
          "app.js", "text/javascript; charset=UTF-8",
          "app.css", "text/css; charset=UTF-8",
          "sw.js", "text/javascript; charset=UTF-8",
          "manifest.webmanifest", "application/manifest+json",
          "icon.svg", "image/svg+xml",
          "icon-192.png", "image/png",
          "icon-512.png", "image/png");

  private WebAppFiles() {}

  /**
   * The answer for one path below {@code app/}; the empty path is the app's page.
   *
   * @param name the file name requested
   * @return 200 with the file, or 404
   */
  static Response serve(String name) {
    String file = name.isEmpty() ? "index.html" : name;
    String type = FILES.get(file);
    byte[] content = type == null ? null : read(file);
    if (content == null) {
      return Response.status(404).type("text/plain").entity("Not found").build();
    }
    CacheControl revalidate = new CacheControl();
    revalidate.setNoCache(true);
    return Response.ok(content, type)
        .cacheControl(revalidate)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cross-Origin-Opener-Policy", "same-origin")
        .build();
  }

  private static byte[] read(String file) {
    try (InputStream in =
        WebAppFiles.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
