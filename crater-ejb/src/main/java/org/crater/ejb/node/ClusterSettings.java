package org.crater.ejb.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.crater.k8s.common.KubeConnection;
import org.crater.k8s.lease.LeaseConfig;
import org.crater.k8s.workload.NodeLossPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How to reach the cluster ({@code crater.k8s.*}): an API server URL, else a kubeconfig file, else
 * the in-cluster service account when running in a pod, else none. Jobs live in {@code
 * crater.k8s.namespace}; the leader Lease too unless {@code crater.k8s.lease-namespace} says
 * otherwise.
 */
@ApplicationScoped
public class ClusterSettings {

  @Inject
  @ConfigProperty(name = "crater.k8s.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "crater.k8s.kubeconfig")
  Optional<String> kubeconfig;

  @Inject
  @ConfigProperty(name = "kubernetes.service.host")
  Optional<String> inClusterHost;

  @Inject
  @ConfigProperty(name = "crater.k8s.namespace", defaultValue = "crater-jobs")
  String namespace;

  @Inject
  @ConfigProperty(name = "crater.k8s.lease-namespace")
  Optional<String> leaseNamespace;

  @Inject
  @ConfigProperty(name = "crater.k8s.lease-name", defaultValue = "crater-leader")
  String leaseName;

  @Inject
  @ConfigProperty(name = "crater.k8s.identity")
  Optional<String> identity;

  @Inject
  @ConfigProperty(name = "crater.k8s.lease-duration", defaultValue = "PT15S")
  Duration leaseDuration;

  @Inject
  @ConfigProperty(name = "crater.k8s.lease-renew-deadline", defaultValue = "PT10S")
  Duration renewDeadline;

  @Inject
  @ConfigProperty(name = "crater.k8s.lease-retry-period", defaultValue = "PT2S")
  Duration retryPeriod;

  @Inject
  @ConfigProperty(name = "crater.k8s.not-ready-toleration-seconds", defaultValue = "60")
  long notReadyTolerationSeconds;

  @Inject
  @ConfigProperty(name = "crater.k8s.unreachable-toleration-seconds", defaultValue = "60")
  long unreachableTolerationSeconds;

  @Inject
  @ConfigProperty(name = "crater.k8s.force-delete-terminating-after", defaultValue = "PT30S")
  Duration forceDeleteTerminatingAfter;

  /**
   * How long pods tolerate a node gone not-ready or unreachable, and how long past its deletion
   * deadline a pod stuck Terminating is waited for before it is deleted with grace period 0.
   */
  public NodeLossPolicy nodeLoss() {
    return new NodeLossPolicy(
        notReadyTolerationSeconds, unreachableTolerationSeconds, forceDeleteTerminatingAfter);
  }

  /** The connection to open, or empty when no cluster is configured. */
  public Optional<KubeConnection> connection() {
    if (url.isPresent()) {
      return Optional.of(KubeConnection.fromUrl(url.get()));
    }
    if (kubeconfig.isPresent()) {
      return Optional.of(KubeConnection.fromKubeconfig(Path.of(kubeconfig.get())));
    }
    return inClusterHost.map(host -> KubeConnection.inCluster());
  }

  /** Where the connection points, for logs and health; never a credential. */
  public String describe() {
    return url.map(u -> "url " + u)
        .or(() -> kubeconfig.map(k -> "kubeconfig " + k))
        .or(() -> inClusterHost.map(h -> "in-cluster"))
        .orElse("none");
  }

  public String namespace() {
    return namespace;
  }

  public String leaseNamespace() {
    return leaseNamespace.orElse(namespace);
  }

  public String leaseName() {
    return leaseName;
  }

  /**
   * The leader election of this replica under {@code identity}: lease duration, renew deadline and
   * retry period as configured (client-go's 15 s, 10 s and 2 s by default).
   */
  public LeaseConfig lease(String identity) {
    return new LeaseConfig(
        leaseNamespace(), leaseName, identity, leaseDuration, renewDeadline, retryPeriod);
  }

  /** This replica's name in the Lease: configured, else host name plus a random suffix. */
  public String identity() {
    return identity.orElseGet(ClusterSettings::hostIdentity);
  }

  private static String hostIdentity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "crater";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
