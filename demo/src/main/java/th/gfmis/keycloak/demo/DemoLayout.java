package th.gfmis.keycloak.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where things are. The launcher runs from {@code demo/target/} (as {@code gfmis-demo.jar} or as
 * {@code classes/}); every other path follows from there.
 *
 * @param demoTarget {@code demo/target}
 * @param projectRoot the repository root
 * @param keycloakHome the Keycloak distribution the build unpacked
 * @param providerDir where the build copied the provider jar
 * @param realmExportDir the realm JSON files of the project
 * @param mailboxDir where every caught message is written as an {@code .eml} file
 * @param keycloakLog Keycloak's console output
 */
record DemoLayout(
    Path demoTarget,
    Path projectRoot,
    Path keycloakHome,
    Path providerDir,
    Path realmExportDir,
    Path mailboxDir,
    Path keycloakLog) {

  private static final String BUILD_PROPERTIES = "demo-build.properties";

  static DemoLayout locate() {
    Properties build = new Properties();
    try (InputStream in = DemoLayout.class.getResourceAsStream(BUILD_PROPERTIES)) {
      if (in == null) {
        throw new DemoException(BUILD_PROPERTIES + " is missing; build the demo module with Maven");
      }
      build.load(in);
    } catch (IOException e) {
      throw new DemoException("cannot read " + BUILD_PROPERTIES, e);
    }
    return forTarget(launcherLocation().getParent(), build.getProperty("keycloak.directory"));
  }

  static DemoLayout forTarget(Path demoTarget, String keycloakDirectory) {
    Path target = demoTarget.toAbsolutePath().normalize();
    Path root = target.getParent().getParent();
    return new DemoLayout(
        target,
        root,
        target.resolve(keycloakDirectory),
        target.resolve("provider"),
        root.resolve("realm-export"),
        target.resolve("mailbox"),
        target.resolve("keycloak.log"));
  }

  /**
   * The demo's HTTPS certificates ({@code demo/https-local/}, outside {@code target/} so that a
   * phone that trusts the local CA keeps trusting it after {@code mvn clean}).
   */
  Path httpsDir() {
    return demoTarget.getParent().resolve("https-local");
  }

  /** Shows a path relative to the repository root when it is inside it (shorter banners). */
  String show(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(projectRoot)
        ? projectRoot.relativize(absolute).toString()
        : absolute.toString();
  }

  private static Path launcherLocation() {
    try {
      Path location =
          Path.of(DemoLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.exists(location)) {
        throw new DemoException("cannot find the launcher's own location: " + location);
      }
      return location;
    } catch (URISyntaxException e) {
      throw new DemoException("cannot find the launcher's own location", e);
    }
  }
}
