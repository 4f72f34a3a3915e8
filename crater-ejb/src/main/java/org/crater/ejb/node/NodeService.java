package org.crater.ejb.node;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.crater.ejb.auth.Principal;
import org.crater.ejb.common.CraterException;
import org.crater.k8s.common.ResourceAmounts;
import org.crater.k8s.node.NodeView;
import org.crater.model.quota.ResourceVector;

/**
 * Reads the node inventory the informers keep; never calls the API server itself. An administrator
 * sees every pod and job on a node; anyone else sees how many there are, and the pods and ids of
 * their own jobs only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeService {

  @PersistenceContext private EntityManager em;
  @EJB private Cluster cluster;

  /** Every node, by name, as {@code caller} may see it. */
  public List<NodeInfo> nodes(Principal caller) {
    return seenBy(caller, cluster.inventory().nodes().stream().map(NodeService::info).toList());
  }

  /** One node, as {@code caller} may see it. */
  public NodeInfo node(Principal caller, String name) {
    NodeInfo node =
        cluster
            .inventory()
            .node(name)
            .map(NodeService::info)
            .orElseThrow(
                () ->
                    new CraterException(404, "node-not-found", "No node is named '" + name + "'."));
    return seenBy(caller, List.of(node)).get(0);
  }

  private List<NodeInfo> seenBy(Principal caller, List<NodeInfo> nodes) {
    if (caller.isAdmin()) {
      return nodes;
    }
    Set<Long> own = ownJobs(caller, nodes.stream().flatMap(n -> n.jobs().stream()).toList());
    return nodes.stream().map(n -> n.seenBy(own)).toList();
  }

  /** Which of {@code ids} are jobs of {@code caller}. */
  private Set<Long> ownJobs(Principal caller, List<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        em.createQuery(
                "SELECT j.id FROM Job j WHERE j.owner.id = :owner AND j.id IN :ids", Long.class)
            .setParameter("owner", caller.userId())
            .setParameter("ids", ids)
            .getResultList());
  }

  /** Each GPU model's totals, by model name. */
  public List<GpuModelInfo> gpuModels() {
    return cluster.inventory().models().values().stream()
        .map(
            m ->
                new GpuModelInfo(
                    m.model(),
                    m.nodes(),
                    m.usableNodes(),
                    m.allocatable(),
                    m.allocated(),
                    m.free(),
                    m.largestFree()))
        .sorted(Comparator.comparing(GpuModelInfo::model))
        .toList();
  }

  /**
   * The GPU models the cluster has; empty when no cluster is configured or its view is still
   * loading, so a submission naming a model is refused rather than queued for hardware that may not
   * exist.
   */
  public Set<String> gpuModelNames() {
    return cluster.gpuModels();
  }

  /**
   * What every node could hold when empty, ready or not; empty while there is no cluster view, so
   * that nothing is refused for a cluster Crater cannot see.
   */
  public List<NodeShape> shapes() {
    if (!cluster.synced()) {
      return List.of();
    }
    return cluster.emptyNodes().nodes().stream()
        .map(node -> new NodeShape(node.gpuModel(), vector(node.allocatable())))
        .toList();
  }

  private static NodeInfo info(NodeView node) {
    List<Long> jobs =
        node.pods().stream()
            .map(NodeInfo::jobOf)
            .filter(OptionalLong::isPresent)
            .map(OptionalLong::getAsLong)
            .distinct()
            .sorted()
            .toList();
    return new NodeInfo(
        node.name(),
        node.ready(),
        node.schedulable(),
        node.gpuModel(),
        vector(node.capacity()),
        vector(node.allocatable()),
        vector(node.allocated()),
        vector(node.free()),
        node.pods().size(),
        jobs.size(),
        node.pods(),
        jobs);
  }

  /** Over-committed nodes can show negative free amounts; Crater reports them as zero. */
  static ResourceVector vector(ResourceAmounts amounts) {
    Map<String, Long> positive = new TreeMap<>();
    amounts.amounts().forEach((name, amount) -> positive.put(name, Math.max(0, amount)));
    return ResourceVector.of(positive);
  }
}
