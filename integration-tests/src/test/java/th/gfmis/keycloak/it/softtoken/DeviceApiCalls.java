package th.gfmis.keycloak.it.softtoken;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.keycloak.util.JsonSerialization;

/** Raw HTTP calls on the device API, for requests no well-behaved device would send. */
final class DeviceApiCalls {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  DeviceApiCalls(String realmUrl) {
    this.base = realmUrl + "/gfmis-softtoken/";
  }

  String url(String path) {
    return base + path;
  }

  Answer post(String path, String json, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  Answer get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  /**
   * A GET sent over a plain socket, so that the Host header can be anything (the JDK client does
   * not let a caller choose it): what an attacker in front of a server without a fixed hostname
   * sends.
   */
  Answer getWithHost(String path, String host, String authorization) throws Exception {
    URI target = URI.create(url(path));
    try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
      socket.setSoTimeout(15_000);
      String request =
          "GET "
              + target.getRawPath()
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\nAuthorization: "
              + authorization
              + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(raw.substring(9, 12));
      int split = raw.indexOf("\r\n\r\n");
      String body = split < 0 ? "" : raw.substring(split + 4);
      int open = body.indexOf('{');
      int close = body.lastIndexOf('}');
      String json = open < 0 || close < open ? "" : body.substring(open, close + 1);
      JsonNode node = null;
      try {
        node = JsonSerialization.readValue(json, JsonNode.class);
      } catch (IOException e) {
        // not JSON
      }
      return new Answer(
          status,
          node == null || node.get("error") == null ? null : node.get("error").asText(),
          json,
          null);
    }
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = null;
    try {
      body = JsonSerialization.readValue(response.body(), JsonNode.class);
    } catch (IOException e) {
      // not JSON
    }
    return new Answer(
        response.statusCode(),
        body == null || body.get("error") == null ? null : body.get("error").asText(),
        response.body(),
        response.headers().firstValue("WWW-Authenticate").orElse(null));
  }

  static String enrollBody(String code, String csrBase64) {
    return "{\"activationCode\":\""
        + code
        + "\",\"csr\":\""
        + csrBase64
        + "\",\"deviceName\":\"x\"}";
  }

  /** A CSR for {@code subjectKeys}' public key, signed by {@code signer} with {@code alg}. */
  static String csr(KeyPair subjectKeys, PrivateKey signer, String alg) throws Exception {
    byte[] der =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=test"), subjectKeys.getPublic())
            .build(new JcaContentSignerBuilder(alg).build(signer))
            .getEncoded();
    return Base64.getEncoder().encodeToString(der);
  }

  static KeyPair ec(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** An unsigned JWS (alg none) or any other header, with an arbitrary signature part. */
  static String jws(String headerJson, String payloadJson, String signature) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
        + "."
        + signature;
  }

  /**
   * One answer.
   *
   * @param status HTTP status
   * @param error the error code, or null
   * @param body the raw body
   * @param wwwAuthenticate the WWW-Authenticate header, or null
   */
  record Answer(int status, String error, String body, String wwwAuthenticate) {}
}
