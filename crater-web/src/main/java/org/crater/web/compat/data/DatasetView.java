package org.crater.web.compat.data;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dataset as v0.1.0 showed its DataSet object: the object's metadata flattened, then {@code spec}
 * and {@code status}.
 *
 * @param name the dataset name
 * @param namespace where its claim lives
 * @param generation its revision
 * @param creationTimestamp when it was created
 * @param spec what it holds
 * @param status how far it is
 */
@Schema(name = "V010Dataset")
public record DatasetView(
    String name,
    String namespace,
    long generation,
    Instant creationTimestamp,
    Spec spec,
    Status status) {

  /**
   * What a dataset holds.
   *
   * @param pvc the claim holding the data
   * @param downloadUrl where the data came from
   * @param size its size
   */
  @Schema(name = "V010DatasetSpec")
  public record Spec(String pvc, String downloadUrl, long size) {}

  /**
   * How far a dataset is.
   *
   * @param phase Initial, Pending, Bound, Downloading or Ready
   */
  @Schema(name = "V010DatasetStatus")
  public record Status(String phase) {}
}
