package org.crater.web.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.crater.ejb.dataset.DatasetSpec;
import org.crater.model.common.Names;
import org.crater.model.dataset.DatasetKind;
import org.crater.model.dataset.DatasetVisibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The new state of a dataset, including who may mount it; its name never changes.
 *
 * @param description what it holds
 * @param kind DATASET or SHARE_DIR
 * @param pvc the PersistentVolumeClaim
 * @param subPath the directory of the claim, relative; all of it when absent
 * @param readOnly whether jobs may only read it; true when absent
 * @param visibility EVERYONE, or SHARED with the accounts and users named
 * @param accounts account names, for SHARED
 * @param users usernames, for SHARED
 */
@Schema(name = "DatasetUpdate")
public record DatasetUpdate(
    @Size(max = 1024) String description,
    @NotNull DatasetKind kind,
    @NotNull
        @Size(max = 253)
        @Pattern(
            regexp = Names.DNS_1123_SUBDOMAIN,
            message = "must be a PersistentVolumeClaim name")
        String pvc,
    @Size(max = 1024) String subPath,
    Boolean readOnly,
    @NotNull DatasetVisibility visibility,
    @Size(max = 256) List<@NotNull @Size(max = 63) String> accounts,
    @Size(max = 1024) List<@NotNull @Size(max = 63) String> users) {

  public DatasetSpec spec() {
    return new DatasetSpec(
        description, kind, pvc, subPath, readOnly == null || readOnly, visibility, accounts, users);
  }
}
