package th.gfmis.keycloak.it.cluster;

/** The nodes of {@code run-cluster.sh} at its default ports. */
enum ClusterNode {
  NODE1("node1", 8180, 9180),
  NODE2("node2", 8280, 9280);

  /** The load balancer in front of both. */
  static final String BALANCER = "http://127.0.0.1:8380";

  static final String REALM = "gfmis";

  private final String name;
  private final int httpPort;
  private final int managementPort;

  ClusterNode(String name, int httpPort, int managementPort) {
    this.name = name;
    this.httpPort = httpPort;
    this.managementPort = managementPort;
  }

  /** The name {@code run-cluster.sh kill} and {@code restart} take. */
  String scriptName() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  String realmUrl() {
    return baseUrl() + "/realms/" + REALM;
  }

  String readinessUrl() {
    return "http://127.0.0.1:" + managementPort + "/health/ready";
  }

  ClusterNode other() {
    return this == NODE1 ? NODE2 : NODE1;
  }
}
