package org.crater.web.dataset;

import java.time.Instant;
import java.util.List;
import org.crater.model.dataset.DatasetKind;
import org.crater.model.dataset.DatasetVisibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dataset with who may mount it, for administrators.
 *
 * @param name the unique, permanent name
 * @param description what it holds
 * @param kind DATASET or SHARE_DIR
 * @param pvc the claim
 * @param subPath the directory of the claim, empty for all of it
 * @param readOnly whether mounts of it must be read-only
 * @param visibility EVERYONE, or SHARED with the accounts and users listed
 * @param accounts account names, by name
 * @param users usernames, by name
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 */
@Schema(name = "DatasetDetail")
public record DatasetDetailView(
    @Schema(example = "imagenet") String name,
    @Schema(example = "ImageNet-1k, train and val") String description,
    DatasetKind kind,
    @Schema(example = "shared-data") String pvc,
    @Schema(example = "datasets/imagenet") String subPath,
    boolean readOnly,
    DatasetVisibility visibility,
    @Schema(example = "[\"vision-lab\"]") List<String> accounts,
    @Schema(example = "[\"alice\"]") List<String> users,
    Instant createdAt,
    Instant updatedAt) {}
