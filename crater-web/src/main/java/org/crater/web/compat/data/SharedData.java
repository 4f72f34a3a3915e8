package org.crater.web.compat.data;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.crater.ejb.auth.Principal;
import org.crater.ejb.common.CraterException;
import org.crater.ejb.dataset.DatasetService;
import org.crater.ejb.node.ClusterSettings;
import org.crater.model.dataset.Dataset;
import org.crater.model.dataset.DatasetKind;

/**
 * The datasets and share dirs the v0.1.0 routes show a user: those the user may mount (shared with
 * everyone, with one of the user's accounts, or with the user). Share dirs appear as their claim
 * names, datasets as v0.1.0's DataSet objects, always Ready.
 */
@ApplicationScoped
public class SharedData {

  @EJB private DatasetService datasets;
  @Inject private ClusterSettings cluster;

  /** The claims of the share dirs the user may mount. */
  public List<String> shareDirs(Principal user) {
    return datasets.visibleTo(user.userId()).stream()
        .filter(d -> d.getKind() == DatasetKind.SHARE_DIR)
        .map(Dataset::getPvc)
        .distinct()
        .toList();
  }

  /** The datasets the user may use, by name. */
  public List<DatasetView> datasets(Principal user) {
    return datasets.visibleTo(user.userId()).stream()
        .filter(d -> d.getKind() == DatasetKind.DATASET)
        .map(this::view)
        .toList();
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

  private DatasetView view(Dataset d) {
    return new DatasetView(
        d.getName(),
        cluster.namespace(),
        d.getVersion(),
        d.getCreatedAt(),
        new DatasetView.Spec(d.getPvc(), "", 0),
        new DatasetView.Status("Ready"));
  }
}
