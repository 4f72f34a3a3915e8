package org.crater.web.dataset;

import org.crater.model.dataset.DatasetKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dataset or share dir the caller may mount: a job mounts it with this claim and this sub-path
 * (or a directory inside it).
 *
 * @param name the unique, permanent name
 * @param description what it holds
 * @param kind DATASET or SHARE_DIR
 * @param pvc the claim a job's mount names
 * @param subPath the directory of the claim, empty for all of it
 * @param readOnly whether mounts of it must be read-only
 */
@Schema(name = "Dataset")
public record DatasetView(
    @Schema(example = "imagenet") String name,
    @Schema(example = "ImageNet-1k, train and val") String description,
    DatasetKind kind,
    @Schema(example = "shared-data") String pvc,
    @Schema(example = "datasets/imagenet") String subPath,
    boolean readOnly) {}
