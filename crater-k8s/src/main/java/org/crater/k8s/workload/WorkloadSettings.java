package org.crater.k8s.workload;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crater.k8s.kind.WorkloadKind.Interactive;

/**
 * How desired objects are shaped, independent of any one job.
 *
 * @param namespace namespace for jobs without their own ({@code crater-jobs} by default)
 * @param volcanoForAll send every job, even single-replica ones, through Volcano
 * @param volcanoQueueFromAccount use the account as the Volcano queue (else {@code default})
 * @param clusterDomain DNS suffix used in the in-cluster URLs of interactive jobs
 * @param jupyterTokenSecret secret from which the secret of an interactive job without one of its
 *     own is derived (Jupyter jobs submitted before tokens were stored per job); never logged
 * @param shmSizeLimit size limit of the {@code /dev/shm} memory volume, null for none
 * @param notebooks how interactive jobs are published outside the cluster
 * @param nodeLoss tolerations of node loss and when a pod stuck Terminating is force-deleted
 */
public record WorkloadSettings(
    String namespace,
    boolean volcanoForAll,
    boolean volcanoQueueFromAccount,
    String clusterDomain,
    String jupyterTokenSecret,
    String shmSizeLimit,
    NotebookIngress notebooks,
    NodeLossPolicy nodeLoss) {

  public static final String DEFAULT_NAMESPACE = "crater-jobs";

  /** Requires a namespace, a domain and a non-empty secret; no notebook settings: disabled. */
  public WorkloadSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(clusterDomain, "clusterDomain");
    notebooks = notebooks == null ? NotebookIngress.disabled() : notebooks;
    nodeLoss = nodeLoss == null ? NodeLossPolicy.defaults() : nodeLoss;
    if (jupyterTokenSecret == null || jupyterTokenSecret.isEmpty()) {
      throw new IllegalArgumentException("jupyterTokenSecret must not be empty");
    }
  }

  /**
   * Defaults: {@code crater-jobs}, Volcano only for gangs, queue per account, {@code
   * cluster.local}, no notebook Ingresses, {@link NodeLossPolicy#defaults()}.
   */
  public static WorkloadSettings defaults(String jupyterTokenSecret) {
    return new WorkloadSettings(
        DEFAULT_NAMESPACE,
        false,
        true,
        "cluster.local",
        jupyterTokenSecret,
        null,
        NotebookIngress.disabled(),
        NodeLossPolicy.defaults());
  }

  /** A copy with another namespace. */
  public WorkloadSettings withNamespace(String ns) {
    return copy(ns, volcanoForAll, notebooks, nodeLoss);
  }

  /** A copy with {@code volcanoForAll} changed. */
  public WorkloadSettings withVolcanoForAll(boolean all) {
    return copy(namespace, all, notebooks, nodeLoss);
  }

  /** A copy with other notebook Ingress settings. */
  public WorkloadSettings withNotebooks(NotebookIngress ingress) {
    return copy(namespace, volcanoForAll, ingress, nodeLoss);
  }

  /** A copy with another node loss policy. */
  public WorkloadSettings withNodeLoss(NodeLossPolicy policy) {
    return copy(namespace, volcanoForAll, notebooks, policy);
  }

  /** A copy with these settings; the secret, the domain and the rest stay. */
  private WorkloadSettings copy(
      String ns, boolean all, NotebookIngress ingress, NodeLossPolicy policy) {
    return new WorkloadSettings(
        ns,
        all,
        volcanoQueueFromAccount,
        clusterDomain,
        jupyterTokenSecret,
        shmSizeLimit,
        ingress,
        policy);
  }

  /** The spec's namespace, or the default one. */
  public String namespaceOf(WorkloadSpec spec) {
    return spec.namespace() == null || spec.namespace().isBlank() ? namespace : spec.namespace();
  }

  /** True when this spec becomes a Volcano job rather than a plain Pod. */
  public boolean usesVolcano(WorkloadSpec spec) {
    return volcanoForAll || spec.replicas() > 1 || spec.kind().gang();
  }

  /**
   * The secret that opens an interactive job (a notebook token, a WebIDE password): the spec's own
   * (stored with the job), else HMAC-SHA256(secret, jobId), hex, 32 characters, for jobs submitted
   * before secrets were stored.
   */
  public String accessSecret(WorkloadSpec spec) {
    if (spec.accessSecret() != null && !spec.accessSecret().isBlank()) {
      return spec.accessSecret();
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(jupyterTokenSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(Long.toString(spec.jobId()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * Where an interactive spec answers: Service name, the URL its owner opens (behind its Ingress
   * when published, else in the cluster; with the secret in it when the kind's server reads it from
   * the URL) and the secret. {@link IllegalArgumentException} for a kind nobody opens.
   */
  public InteractiveEndpoint endpoint(WorkloadSpec spec) {
    Interactive interactive =
        spec.kind()
            .interactive()
            .orElseThrow(
                () -> new IllegalArgumentException(spec.kind().name() + " jobs are not opened"));
    String name = spec.objectName();
    String secret = accessSecret(spec);
    String base =
        notebooks.enabled()
            ? notebooks.url(name)
            : serviceUrl(name, namespaceOf(spec), interactive.port());
    String url =
        interactive.urlParam() == null ? base : base + "?" + interactive.urlParam() + "=" + secret;
    return new InteractiveEndpoint(name, url, secret, interactive.secretName());
  }

  /** The base URL of an interactive job: its Ingress path when published, else {@code /}. */
  public String notebookBasePath(WorkloadSpec spec) {
    return notebooks.enabled() ? notebooks.path(spec.objectName()) : "/";
  }

  /** The in-cluster base URL of an interactive job's Service on its port, without secret. */
  public String serviceUrl(String serviceName, String ns, int port) {
    return "http://" + serviceName + "." + ns + ".svc." + clusterDomain + ":" + port + "/";
  }

  @Override
  public String toString() {
    return "WorkloadSettings[namespace="
        + namespace
        + ", volcanoForAll="
        + volcanoForAll
        + ", notebookIngress="
        + notebooks.enabled()
        + "]";
  }
}
