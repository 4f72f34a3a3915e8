package org.crater.k8s.workload;

import java.time.Instant;

/**
 * One Kubernetes Event about an object of a job (its pod, Volcano job or service).
 *
 * @param time when it last happened (may be null when the API gave no time)
 * @param type Normal or Warning
 * @param reason machine-readable reason, e.g. Scheduled, Preempted
 * @param message human-readable text
 * @param objectKind kind of the object it is about
 * @param objectName name of the object it is about
 * @param count how often it happened
 */
public record WorkloadEvent(
    Instant time,
    String type,
    String reason,
    String message,
    String objectKind,
    String objectName,
    int count) {}
