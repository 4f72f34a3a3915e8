package org.crater.ejb.dataset;

import java.util.List;
import org.crater.model.dataset.DatasetKind;
import org.crater.model.dataset.DatasetVisibility;

/**
 * Everything an administrator says about a dataset besides its permanent name.
 *
 * @param description what it holds; empty when absent
 * @param kind a dataset or a share dir
 * @param pvc the PersistentVolumeClaim
 * @param subPath the directory of the claim, empty for all of it
 * @param readOnly whether jobs may only read it
 * @param visibility everyone, or only the accounts and users named here
 * @param accounts account names, for {@code SHARED}
 * @param users usernames, for {@code SHARED}
 */
public record DatasetSpec(
    String description,
    DatasetKind kind,
    String pvc,
    String subPath,
    boolean readOnly,
    DatasetVisibility visibility,
    List<String> accounts,
    List<String> users) {

  public DatasetSpec {
    subPath = subPath == null ? "" : subPath;
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    users = users == null ? List.of() : List.copyOf(users);
  }
}
