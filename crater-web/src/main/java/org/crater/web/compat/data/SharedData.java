package org.crater.web.compat.data;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.crater.ejb.auth.Principal;
import org.crater.ejb.common.CraterException;

/**
 * The datasets and share dirs the v0.1.0 routes show a user: the one place where they are read, so
 * the native dataset service plugs in here and nowhere else. Crater has no datasets yet, so every
 * list is empty and every dataset is unknown.
 */
@ApplicationScoped
public class SharedData {

  /** The claims of the share dirs the user may mount. */
  public List<String> shareDirs(Principal user) {
    return List.of();
  }

  /** The datasets the user may use, by name. */
  public List<DatasetView> datasets(Principal user) {
    return List.of();
  }

  /**
   * One of the user's datasets.
   *
   * @throws CraterException 404 when the user has no dataset of that name
   */
  public DatasetView dataset(Principal user, String name) {
    return datasets(user).stream()
        .filter(dataset -> dataset.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new CraterException(404, "dataset-not-found", "No dataset named " + name + "."));
  }
}
