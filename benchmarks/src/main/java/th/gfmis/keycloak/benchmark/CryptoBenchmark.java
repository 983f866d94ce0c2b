package th.gfmis.keycloak.benchmark;

import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The P-256 operations of a Soft Token sign-in, timed on this machine with the JDK's default
 * provider and with BouncyCastle side by side: the signature check of the device's answer, the
 * device's signature, and the key pair and shared secret that every Web Push message needs.
 * Processor time of the calling thread per operation, after a warm-up.
 */
public final class CryptoBenchmark {

  private static final String USAGE =
      """
      Usage: java -cp benchmarks/target/gfmis-benchmark.jar th.gfmis.keycloak.benchmark.CryptoBenchmark [N]

      Times N (default 2000) of each P-256 operation with the JDK's default provider and with
      BouncyCastle, after N/4 unmeasured ones, and prints milliseconds per operation.
      """;

  private static final byte[] INPUT = new byte[300];

  private CryptoBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || !args[0].matches("[1-9][0-9]{0,6}"))) {
      System.out.print(USAGE);
      return;
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Provider jdk = KeyPairGenerator.getInstance("EC").getProvider();
    Provider bouncyCastle = new BouncyCastleProvider();
    KeyPair deviceKeys = keyPair(jdk);
    System.out.printf(
        Locale.ROOT,
        "P-256, ms of processor time per operation, %d of each, Java %s%n",
        n,
        System.getProperty("java.version"));
    System.out.printf(
        Locale.ROOT,
        "%-24s %10s %10s %10s %10s%n",
        "provider",
        "verify",
        "sign",
        "key pair",
        "ECDH");
    for (Provider provider : new Provider[] {jdk, bouncyCastle}) {
      time(provider, deviceKeys, n / 4);
      double[] ms = time(provider, deviceKeys, n);
      System.out.printf(
          Locale.ROOT,
          "%-24s %10.3f %10.3f %10.3f %10.3f%n",
          provider.getName(),
          ms[0],
          ms[1],
          ms[2],
          ms[3]);
    }
  }

  private static double[] time(Provider provider, KeyPair keys, int n)
      throws GeneralSecurityException {
    byte[] signature = sign(provider, keys);
    KeyPair peer = keyPair(provider);
    double[] ms = new double[4];
    long start = cpuNanos();
    for (int i = 0; i < n; i++) {
      Signature verifier = Signature.getInstance("SHA256withECDSA", provider);
      verifier.initVerify(keys.getPublic());
      verifier.update(INPUT);
      if (!verifier.verify(signature)) {
        throw new IllegalStateException(provider.getName() + " refused its own signature");
      }
    }
    ms[0] = perOperation(start, n);
    start = cpuNanos();
    for (int i = 0; i < n; i++) {
      sign(provider, keys);
    }
    ms[1] = perOperation(start, n);
    start = cpuNanos();
    for (int i = 0; i < n; i++) {
      keyPair(provider);
    }
    ms[2] = perOperation(start, n);
    start = cpuNanos();
    for (int i = 0; i < n; i++) {
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH", provider);
      agreement.init(keys.getPrivate());
      agreement.doPhase(peer.getPublic(), true);
      agreement.generateSecret();
    }
    ms[3] = perOperation(start, n);
    return ms;
  }

  private static byte[] sign(Provider provider, KeyPair keys) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("SHA256withECDSA", provider);
    signer.initSign(keys.getPrivate());
    signer.update(INPUT);
    return signer.sign();
  }

  private static KeyPair keyPair(Provider provider) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** The calling thread's processor time, nanoseconds. */
  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static double perOperation(long startNanos, int operations) {
    return (cpuNanos() - startNanos) / 1e6 / operations;
  }
}
