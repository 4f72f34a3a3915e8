package org.crater.ejb.dataset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crater.model.common.Names;
import org.crater.model.dataset.Dataset;
import org.crater.model.dataset.DatasetVisibility;
import org.crater.model.dataset.SubPaths;

/**
 * What a dataset's description must satisfy before the accounts and users it names are looked up: a
 * DNS-1123 name, a claim name, a sub-path that cannot climb out of its directory, and no accounts
 * or users for a dataset everyone may mount. Pure.
 */
public final class DatasetRules {

  private DatasetRules() {}

  /** Every broken rule, by field; empty when the dataset may be registered. */
  public static Map<String, String> check(String name, DatasetSpec spec) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!Names.isDns1123Label(name)) {
      errors.put("name", "must be a DNS-1123 label (a-z, 0-9, -)");
    }
    if (spec.kind() == null) {
      errors.put("kind", "must be DATASET or SHARE_DIR");
    }
    if (!Names.isDns1123Subdomain(spec.pvc())) {
      errors.put("pvc", "must be a PersistentVolumeClaim name (a DNS-1123 subdomain)");
    }
    if (!SubPaths.isClean(spec.subPath())) {
      errors.put("subPath", "must be a relative path without '.', '..' or empty segments");
    }
    if (spec.description() != null
        && spec.description().strip().length() > Dataset.MAX_DESCRIPTION) {
      errors.put("description", "at most " + Dataset.MAX_DESCRIPTION + " characters");
    }
    if (spec.visibility() == null) {
      errors.put("visibility", "must be EVERYONE or SHARED");
    } else if (spec.visibility() == DatasetVisibility.EVERYONE
        && !(spec.accounts().isEmpty() && spec.users().isEmpty())) {
      errors.put("visibility", "everyone may mount it: name accounts and users only when SHARED");
    }
    return errors;
  }
}
