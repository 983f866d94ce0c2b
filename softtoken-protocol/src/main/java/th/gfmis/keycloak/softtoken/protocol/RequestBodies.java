package th.gfmis.keycloak.softtoken.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading request bodies within the protocol's size limit. */
public final class RequestBodies {

  private RequestBodies() {}

  /**
   * Reads a whole body, refusing more than {@link SoftTokenProtocol#MAX_REQUEST_BODY_BYTES}.
   *
   * @param in the body stream (not closed here)
   * @return the bytes
   * @throws SoftTokenProtocolException {@code request_too_large}
   * @throws IOException when reading fails
   */
  public static byte[] readLimited(InputStream in) throws SoftTokenProtocolException, IOException {
    return readLimited(in, SoftTokenProtocol.MAX_REQUEST_BODY_BYTES);
  }

  /**
   * Reads a whole body, refusing more than {@code maxBytes}.
   *
   * @param in the body stream (not closed here)
   * @param maxBytes the limit
   * @return the bytes
   * @throws SoftTokenProtocolException {@code request_too_large}
   * @throws IOException when reading fails
   */
  public static byte[] readLimited(InputStream in, int maxBytes)
      throws SoftTokenProtocolException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > maxBytes) {
        throw new SoftTokenProtocolException(
            SoftTokenError.REQUEST_TOO_LARGE,
            "The request body is larger than " + maxBytes + " bytes.");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
