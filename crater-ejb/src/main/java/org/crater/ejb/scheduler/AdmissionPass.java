package org.crater.ejb.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.k8s.common.CraterLabels;
import org.crater.k8s.node.NodeInventory;
import org.crater.model.job.Slo;
import org.crater.model.quota.ResourceVector;

/**
 * One admission pass over a snapshot, pure. Guaranteed jobs are considered before best-effort ones;
 * within a service level each user's queue is first-in first-out, and across users the least-served
 * user (fewest GPUs, then CPU, held) goes next. A user's head job that cannot be admitted blocks
 * that user's later jobs of the same service level, unless no node could ever hold it (NeverFits,
 * e.g. its model's nodes are gone): it is set aside so the jobs behind it are considered, and waits
 * after all others. Guaranteed jobs must fit the member's and the account's quota and the cluster,
 * preempting best-effort jobs when only the cluster is short; best-effort jobs need only room.
 *
 * <p>A guaranteed job at the head of its queue that has waited longer than {@code reserveAfter} and
 * does not fit gets nodes reserved first thing in the pass (oldest first): no other job is placed
 * on them, so the room they free up goes to it, and a big gang does start. Other jobs still fill
 * the other nodes (backfill), which cannot delay it.
 */
public final class AdmissionPass {

  private static final Pattern BRACES = Pattern.compile("[{}]");

  /** What a user who holds nothing is served; read only. */
  private static final long[] NOTHING_SERVED = new long[2];

  private final Instant now;
  private final Room room;
  private final QuotaLedger ledger;
  private final List<HeldJob> bestEffort = new ArrayList<>();
  private final Map<Long, long[]> served = new HashMap<>();
  private final List<QueuedJob> admitted = new ArrayList<>();
  private final List<AdmissionPlan.Preemption> preempted = new ArrayList<>();
  private final Map<Long, WaitReason> blockedHeads = new HashMap<>();
  private final Map<Long, Set<String>> reservations = new HashMap<>();
  private final Duration reserveAfter;
  private final List<QueuedJob> setAside = new ArrayList<>();
  private boolean victimsSorted;

  private AdmissionPass(Snapshot snapshot, Instant now, Duration reserveAfter) {
    this.now = now;
    this.reserveAfter = reserveAfter;
    this.room = snapshot.room();
    this.ledger = new QuotaLedger(snapshot.members(), snapshot.accounts(), snapshot.held());
    for (HeldJob held : snapshot.held()) {
      int unbound = held.replicas() - room.placed(held.clusterName());
      if (unbound > 0) {
        // Admitted but not bound yet: its room is taken all the same.
        room.place(held.clusterName(), held.perReplica(), held.gpuModel(), unbound);
      }
      serve(held.ownerId(), held.perReplica(), held.replicas());
      if (held.slo() == Slo.BEST_EFFORT) {
        bestEffort.add(held);
      }
    }
  }

  /**
   * Everything a pass reads.
   *
   * @param queued every queued job
   * @param held every job holding resources
   * @param members member quotas
   * @param accounts account quotas and expiry
   * @param room the cluster's free room (bound pods already charged)
   */
  public record Snapshot(
      List<QueuedJob> queued,
      List<HeldJob> held,
      List<MemberLimit> members,
      List<AccountLimit> accounts,
      Room room) {

    /** A snapshot whose room is the inventory's free room, bound pods charged to their attempts. */
    public static Snapshot of(
        List<QueuedJob> queued,
        List<HeldJob> held,
        List<MemberLimit> members,
        List<AccountLimit> accounts,
        NodeInventory inventory) {
      return new Snapshot(queued, held, members, accounts, Room.of(inventory));
    }

    /** The same snapshot with an independent copy of its room, which a pass changes. */
    public Snapshot withFreshRoom() {
      return new Snapshot(queued, held, members, accounts, room.copy());
    }
  }

  /** Plans one pass that reserves no nodes. */
  public static AdmissionPlan plan(Snapshot snapshot, Instant now) {
    return plan(snapshot, now, null);
  }

  /** Plans one pass; with {@code reserveAfter}, long-waiting guaranteed jobs reserve nodes. */
  static AdmissionPlan plan(Snapshot snapshot, Instant now, Duration reserveAfter) {
    return new AdmissionPass(snapshot, now, reserveAfter).run(snapshot.queued());
  }

  private AdmissionPlan run(List<QueuedJob> queued) {
    Map<Slo, Map<Long, Deque<QueuedJob>>> queues = queuesOf(queued);
    if (reserveAfter != null) {
      reserveForLongWaiters(queues.get(Slo.GUARANTEED).values());
    }
    for (Slo slo : List.of(Slo.GUARANTEED, Slo.BEST_EFFORT)) {
      Map<Long, Deque<QueuedJob>> users = queues.get(slo);
      PriorityQueue<Long> turn = new PriorityQueue<>(leastServed(users));
      turn.addAll(users.keySet());
      while (!turn.isEmpty()) {
        long user = turn.poll();
        Deque<QueuedJob> queue = users.get(user);
        QueuedJob head = queue.peek();
        Optional<WaitReason> blocked = tryAdmit(head);
        if (blocked.isPresent()) {
          blockedHeads.put(head.id(), blocked.get());
          if (!WaitReason.NEVER_FITS.equals(blocked.get().code())) {
            continue;
          }
          // It could wait for ever: it must not hold back the jobs behind it.
          setAside.add(queue.poll());
        } else {
          queue.poll();
          admitted.add(head);
          serve(user, head.perReplica(), head.replicas());
        }
        if (!queue.isEmpty()) {
          turn.add(user);
        }
      }
    }
    return new AdmissionPlan(
        List.copyOf(admitted), List.copyOf(preempted), waiting(queues), Map.copyOf(reservations));
  }

  /** Reserves nodes for the heads that have waited too long and do not fit now, oldest first. */
  private void reserveForLongWaiters(Collection<Deque<QueuedJob>> queues) {
    Instant due = now.minus(reserveAfter);
    List<QueuedJob> longWaiting =
        queues.stream()
            .map(Deque::peek)
            .filter(head -> head != null && head.submittedAt().isBefore(due))
            // Only a job its quota would admit: room kept for one that must wait anyway is wasted.
            .filter(
                head ->
                    ledger.closed(head.accountId(), now).isEmpty()
                        && ledger.exceeded(head).isEmpty())
            .sorted(Comparator.comparing(QueuedJob::submittedAt).thenComparingLong(QueuedJob::id))
            .toList();
    for (QueuedJob job : longWaiting) {
      String name = job.attemptName();
      if (room.copy().place(name, job.perReplica(), job.gpuModel(), job.replicas())) {
        continue; // it fits now: the pass admits it, if its quota allows
      }
      List<String> kept = room.reserve(name, job.perReplica(), job.gpuModel(), job.replicas());
      if (!kept.isEmpty()) {
        reservations.put(job.id(), Set.copyOf(kept));
      }
    }
  }

  private Optional<WaitReason> tryAdmit(QueuedJob job) {
    Optional<WaitReason> closed = ledger.closed(job.accountId(), now);
    if (closed.isPresent()) {
      return closed;
    }
    boolean guaranteed = job.slo() == Slo.GUARANTEED;
    if (guaranteed) {
      Optional<WaitReason> exceeded = ledger.exceeded(job);
      if (exceeded.isPresent()) {
        return exceeded;
      }
    }
    String name = job.attemptName();
    if (!room.place(name, job.perReplica(), job.gpuModel(), job.replicas())) {
      if (!room.couldEverHold(job.perReplica(), job.gpuModel(), job.replicas())) {
        return Optional.of(WaitReason.neverFits(job.gpuModel(), describe(job)));
      }
      if (!guaranteed || bestEffort.isEmpty() || !preemptFor(job)) {
        Set<String> kept = reservations.get(job.id());
        return Optional.of(
            kept == null
                ? WaitReason.noCapacity(job.gpuModel(), describe(job))
                : WaitReason.keptFor(job.gpuModel(), describe(job), kept.size()));
      }
      room.place(name, job.perReplica(), job.gpuModel(), job.replicas());
    }
    if (guaranteed) {
      ledger.charge(job);
    }
    return Optional.empty();
  }

  private boolean preemptFor(QueuedJob job) {
    if (!victimsSorted) {
      // Sorted only for a pass that needs victims: most passes preempt nothing.
      bestEffort.sort(VictimPolicy.cheapestFirst(now));
      victimsSorted = true;
    }
    List<HeldJob> victims = VictimPolicy.choose(room, bestEffort, job);
    for (HeldJob victim : victims) {
      room.release(victim.clusterName(), victim.perReplica());
      bestEffort.remove(victim);
      serve(victim.ownerId(), victim.perReplica(), -victim.replicas());
      preempted.add(new AdmissionPlan.Preemption(victim, job.id()));
    }
    return !victims.isEmpty();
  }

  /** Reasons and positions of the jobs left, in the order the next pass would consider them. */
  private Map<Long, Waiting> waiting(Map<Slo, Map<Long, Deque<QueuedJob>>> queues) {
    Map<Long, Waiting> waiting = new HashMap<>();
    int position = 0;
    for (Slo slo : List.of(Slo.GUARANTEED, Slo.BEST_EFFORT)) {
      Map<Long, Deque<QueuedJob>> users = queues.get(slo);
      List<List<QueuedJob>> lines = new ArrayList<>();
      users.keySet().stream()
          .sorted(leastServed(users))
          .forEach(user -> lines.add(new ArrayList<>(users.get(user))));
      for (int rank = 0; ; rank++) {
        boolean any = false;
        for (List<QueuedJob> line : lines) {
          if (rank < line.size()) {
            any = true;
            QueuedJob job = line.get(rank);
            WaitReason reason =
                rank == 0
                    ? blockedHeads.getOrDefault(job.id(), WaitReason.behindInQueue(0))
                    : WaitReason.behindInQueue(rank);
            waiting.put(job.id(), new Waiting(reason, ++position));
          }
        }
        if (!any) {
          break;
        }
      }
    }
    for (QueuedJob job : setAside) {
      waiting.put(job.id(), new Waiting(blockedHeads.get(job.id()), ++position));
    }
    return waiting;
  }

  private Comparator<Long> leastServed(Map<Long, Deque<QueuedJob>> users) {
    return Comparator.<Long>comparingLong(u -> servedOf(u)[0])
        .thenComparingLong(u -> servedOf(u)[1])
        .thenComparing(
            u -> users.get(u).isEmpty() ? Instant.MAX : users.get(u).peek().submittedAt())
        .thenComparingLong(u -> u);
  }

  private long[] servedOf(long user) {
    return served.getOrDefault(user, NOTHING_SERVED);
  }

  /** Counts what a user holds; negative replicas give it back. */
  private void serve(long user, ResourceVector perReplica, int replicas) {
    long[] s = served.computeIfAbsent(user, u -> new long[2]);
    s[0] += perReplica.get(CraterLabels.GPU) * replicas;
    s[1] += perReplica.get("cpu") * replicas;
  }

  private static Map<Slo, Map<Long, Deque<QueuedJob>>> queuesOf(List<QueuedJob> queued) {
    List<QueuedJob> ordered = new ArrayList<>(queued);
    ordered.sort(Comparator.comparing(QueuedJob::submittedAt).thenComparingLong(QueuedJob::id));
    Map<Slo, Map<Long, Deque<QueuedJob>>> queues = new TreeMap<>();
    queues.put(Slo.GUARANTEED, new HashMap<>());
    queues.put(Slo.BEST_EFFORT, new HashMap<>());
    for (QueuedJob job : ordered) {
      queues.get(job.slo()).computeIfAbsent(job.ownerId(), u -> new ArrayDeque<>()).add(job);
    }
    return queues;
  }

  private static String describe(QueuedJob job) {
    return job.replicas()
        + " replica(s) of "
        + BRACES.matcher(ResourceQuantities.format(job.perReplica()).toString()).replaceAll("");
  }
}
