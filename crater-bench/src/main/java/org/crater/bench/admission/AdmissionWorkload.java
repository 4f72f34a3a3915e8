package org.crater.bench.admission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.crater.ejb.scheduler.AccountLimit;
import org.crater.ejb.scheduler.AdmissionPass;
import org.crater.ejb.scheduler.HeldJob;
import org.crater.ejb.scheduler.MemberLimit;
import org.crater.ejb.scheduler.QueuedJob;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.common.ResourceAmounts;
import org.crater.k8s.node.NodeInventory;
import org.crater.k8s.node.NodeView;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * A reproducible snapshot of a busy cluster for the admission benchmark.
 *
 * <ul>
 *   <li>Queued jobs belong to users drawn at random; a quarter are guaranteed. A replica asks for
 *       1, 2, 4 or 8 GPUs (mostly few); one job in ten is a gang of 2 to 4 replicas of 8 GPUs. One
 *       in five accepts any GPU model, the rest name A100, H100 or V100.
 *   <li>Users are members of {@link #ACCOUNTS} accounts with 16 GPUs each; every fifth account also
 *       limits its A100 GPUs, and the last one has expired.
 *   <li>Nodes have 8 GPUs: half A100, a quarter each H100 and V100. Held jobs use one GPU each and
 *       are bound as pods, so the room comes from a node inventory as the scheduler builds it.
 * </ul>
 */
final class AdmissionWorkload {

  /** How much of the cluster the held jobs take. */
  enum Fill {
    /**
     * Half of every node's GPUs, held by guaranteed and best-effort jobs alike: the pass admits
     * until the room is gone, then preempts best-effort work for guaranteed jobs within quota.
     */
    FREE,
    /** Every GPU, held by guaranteed jobs: nothing fits and nothing may be preempted. */
    FULL
  }

  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  static final int ACCOUNTS = 25;

  private static final long SEED = 7;
  private static final int GPUS_PER_NODE = 8;
  private static final long GIB = 1L << 30;
  private static final String[] NODE_MODELS = {"A100", "A100", "H100", "V100"};
  private static final String[] JOB_MODELS = {null, "A100", "A100", "H100", "V100"};
  private static final int[] JOB_GPUS = {1, 1, 1, 2, 2, 4, 8};

  /**
   * A node's allocatable: CPU and memory for three times its GPUs' share, so GPUs run out first.
   */
  private static final ResourceAmounts NODE =
      new ResourceAmounts(
          Map.of("cpu", 96_000L, "memory", 768 * GIB, CraterLabels.GPU, (long) GPUS_PER_NODE));

  private AdmissionWorkload() {}

  /** The snapshot of {@code queued} jobs over {@code users} users on {@code nodes} nodes. */
  static AdmissionPass.Snapshot snapshot(int queued, int users, int nodes, Fill fill) {
    Random random = new Random(SEED);
    List<HeldJob> held = new ArrayList<>();
    NodeInventory inventory = inventory(nodes, users, fill, random, held);
    List<QueuedJob> jobs = new ArrayList<>(queued);
    for (long id = 1; id <= queued; id++) {
      jobs.add(queuedJob(id, 1 + random.nextInt(users), random));
    }
    return AdmissionPass.Snapshot.of(
        List.copyOf(jobs), List.copyOf(held), members(users), accounts(), inventory);
  }

  private static QueuedJob queuedJob(long id, long owner, Random random) {
    Slo slo = random.nextInt(4) == 0 ? Slo.GUARANTEED : Slo.BEST_EFFORT;
    boolean gang = random.nextInt(10) == 0;
    int gpus = gang ? GPUS_PER_NODE : JOB_GPUS[random.nextInt(JOB_GPUS.length)];
    int replicas = gang ? 2 + random.nextInt(3) : 1;
    String model = JOB_MODELS[random.nextInt(JOB_MODELS.length)];
    Instant submitted = NOW.minusSeconds(86_400).plusMillis(random.nextInt(86_400_000));
    return new QueuedJob(
        id, 1, owner, accountOf(owner), slo, perReplica(gpus), replicas, model, submitted);
  }

  private static NodeInventory inventory(
      int nodes, int users, Fill fill, Random random, List<HeldJob> held) {
    int heldPerNode = fill == Fill.FULL ? GPUS_PER_NODE : GPUS_PER_NODE / 2;
    List<NodeView> views = new ArrayList<>(nodes);
    for (int i = 0; i < nodes; i++) {
      String model = NODE_MODELS[i % NODE_MODELS.length];
      String name = String.format("%s-%04d", model.toLowerCase(), i);
      List<String> pods = new ArrayList<>();
      for (int g = 0; g < heldPerNode; g++) {
        HeldJob job = heldJob(1_000_000L + held.size(), model, users, fill, random);
        held.add(job);
        pods.add("crater-jobs/" + job.clusterName());
      }
      views.add(node(name, model, heldPerNode, pods));
    }
    views.sort(Comparator.comparing(NodeView::name));
    return new NodeInventory(views, Map.of(), NOW);
  }

  private static HeldJob heldJob(long id, String nodeModel, int users, Fill fill, Random random) {
    long owner = 1 + random.nextInt(users);
    Slo slo = fill == Fill.FULL || random.nextBoolean() ? Slo.GUARANTEED : Slo.BEST_EFFORT;
    String model = random.nextBoolean() ? nodeModel : null;
    Instant started = NOW.minusSeconds(60L * (1 + random.nextInt(600)));
    return new HeldJob(id, 1, owner, accountOf(owner), slo, perReplica(1), 1, model, started);
  }

  private static NodeView node(String name, String model, int heldGpus, List<String> pods) {
    ResourceAmounts allocated = new ResourceAmounts(perReplica(heldGpus).amounts());
    return new NodeView(
        name,
        true,
        true,
        model,
        NODE,
        NODE,
        allocated,
        NODE.minus(allocated),
        pods.stream().sorted().toList());
  }

  private static ResourceVector perReplica(long gpus) {
    return ResourceVector.of(
        Map.of("cpu", 4_000L * gpus, "memory", 32 * GIB * gpus, CraterLabels.GPU, gpus));
  }

  private static long accountOf(long user) {
    return 1 + user % ACCOUNTS;
  }

  private static List<MemberLimit> members(int users) {
    List<MemberLimit> members = new ArrayList<>(users);
    for (long user = 1; user <= users; user++) {
      members.add(new MemberLimit(user, accountOf(user), quota(16, 0)));
    }
    return members;
  }

  private static List<AccountLimit> accounts() {
    List<AccountLimit> accounts = new ArrayList<>(ACCOUNTS);
    for (long id = 1; id <= ACCOUNTS; id++) {
      ResourceVector quota = quota(320, id % 5 == 0 ? 64 : 0);
      Instant expires = id == ACCOUNTS ? NOW.minusSeconds(86_400) : null;
      accounts.add(new AccountLimit(id, "lab-" + id, quota, expires));
    }
    return accounts;
  }

  private static ResourceVector quota(long gpus, long a100) {
    Map<String, Long> amounts = new TreeMap<>();
    amounts.put("cpu", 16_000L * gpus);
    amounts.put("memory", 128 * GIB * gpus);
    amounts.put(CraterLabels.GPU, gpus);
    if (a100 > 0) {
      amounts.put("nvidia.com/a100", a100);
    }
    return ResourceVector.of(amounts);
  }
}
