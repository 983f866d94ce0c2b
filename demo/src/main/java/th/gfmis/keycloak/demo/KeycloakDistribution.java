package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prepares the unpacked Keycloak distribution for a run: the provider jar in {@code providers/},
 * the realm files in {@code data/import/}, and (unless asked to keep it) an empty database.
 */
final class KeycloakDistribution {
  private final DemoLayout layout;
  private final ObjectMapper json;

  KeycloakDistribution(DemoLayout layout, ObjectMapper json) {
    this.layout = layout;
    this.json = json;
  }

  /** The start script; fails with a hint when the build has not unpacked the distribution. */
  Path startScript() {
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    Path script = layout.keycloakHome().resolve("bin").resolve(windows ? "kc.bat" : "kc.sh");
    if (!Files.isRegularFile(script)) {
      throw new DemoException(
          "no Keycloak distribution at "
              + layout.show(layout.keycloakHome())
              + "; build first: mvn -B install -DskipTests (or ./run-demo.sh)");
    }
    if (!windows && !Files.isExecutable(script) && !script.toFile().setExecutable(true)) {
      throw new DemoException("cannot make " + layout.show(script) + " executable");
    }
    return script;
  }

  /** Copies the provider jar(s) the build put in {@code demo/target/provider/}. */
  List<Path> installProviders() throws IOException {
    List<Path> jars = list(layout.providerDir(), "*.jar");
    if (jars.isEmpty()) {
      throw new DemoException(
          "no provider jar in "
              + layout.show(layout.providerDir())
              + "; build first: mvn -B install -DskipTests (or ./run-demo.sh)");
    }
    Path providers = Files.createDirectories(layout.keycloakHome().resolve("providers"));
    List<Path> installed = new ArrayList<>();
    for (Path jar : jars) {
      installed.add(
          Files.copy(
              jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING));
    }
    return installed;
  }

  /**
   * Replaces the contents of {@code data/import/} with the realm files of {@code realm-export/},
   * with the demo-only clients of {@code realm-export/demo/} added ({@link RealmOverlays}), plus
   * the ThaID stand-in realm of {@code realm-export/thaid/} (a production server imports the first
   * but never the stand-in), all adapted to this run's ports.
   *
   * @return the realm representations as imported
   */
  List<JsonNode> importRealms(RealmImportRewriter rewriter) throws IOException {
    List<Path> sources = list(layout.realmExportDir(), "*.json");
    sources.addAll(list(layout.realmExportDir().resolve("thaid"), "*.json"));
    if (sources.isEmpty()) {
      throw new DemoException("no realm files (*.json) in " + layout.show(layout.realmExportDir()));
    }
    Path importDir =
        Files.createDirectories(layout.keycloakHome().resolve("data").resolve("import"));
    for (Path stale : list(importDir, "*.json")) {
      Files.delete(stale);
    }
    List<JsonNode> overlayFiles = new ArrayList<>();
    for (Path overlay : list(layout.realmExportDir().resolve("demo"), "*.json")) {
      overlayFiles.add(json.readTree(overlay.toFile()));
    }
    RealmOverlays overlays = new RealmOverlays(overlayFiles);
    List<JsonNode> realms = new ArrayList<>();
    for (Path source : sources) {
      Path target = importDir.resolve(source.getFileName());
      JsonNode realm = json.readTree(source.toFile());
      boolean changed = false;
      if (realm instanceof ObjectNode object) {
        changed = overlays.apply(object);
        changed |= rewriter.rewrite(object);
      }
      if (changed) {
        json.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), realm);
      } else {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
      realms.add(realm);
    }
    return realms;
  }

  /** Deletes the dev-mode H2 database so that every realm is imported afresh. */
  void resetDatabase() throws IOException {
    Path h2 = layout.keycloakHome().resolve("data").resolve("h2");
    if (!Files.exists(h2)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(h2)) {
      tree.sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static List<Path> list(Path dir, String glob) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      for (Path file : stream) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    }
    files.sort(Comparator.naturalOrder());
    return files;
  }
}
