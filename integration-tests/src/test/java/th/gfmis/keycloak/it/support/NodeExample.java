package th.gfmis.keycloak.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.keycloak.util.JsonSerialization;

/**
 * Runs the Node example of docs/examples/node (openid-client) as an agency would, so that the
 * configuration the guide shows is the one that signs in here. Installs its locked dependencies on
 * first use ({@code npm ci}).
 */
public final class NodeExample {

  private static final Path DIR = Path.of("..", "docs", "examples", "node");

  private final Map<String, String> settings;

  public NodeExample(Map<String, String> settings) throws IOException, InterruptedException {
    this.settings = settings;
    if (!Files.isDirectory(DIR.resolve("node_modules"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"));
    }
  }

  /** {@code authorize}: the authorization URL and what the application keeps until the callback. */
  public JsonNode authorize() throws IOException, InterruptedException {
    return JsonSerialization.readValue(
        run(List.of("node", "gfmis-signin.mjs", "authorize")), JsonNode.class);
  }

  /** {@code callback}: the validated ID token claims. */
  public JsonNode callback(JsonNode login, String callbackUrl)
      throws IOException, InterruptedException {
    return JsonSerialization.readValue(
        run(
            List.of(
                "node",
                "gfmis-signin.mjs",
                "callback",
                callbackUrl,
                login.get("codeVerifier").asText(),
                login.get("state").asText(),
                login.get("nonce").asText())),
        JsonNode.class);
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(DIR.toFile());
    builder.environment().putAll(settings);
    Path err = Files.createTempFile("gfmis-node", ".err");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    String errors = Files.readString(err);
    Files.deleteIfExists(err);
    if (!ended || process.exitValue() != 0) {
      process.destroy();
      throw new AssertionError(command + " failed:\n" + out + errors);
    }
    return out;
  }
}
