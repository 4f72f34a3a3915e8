package org.crater.web.dataset;

import org.crater.model.account.Account;
import org.crater.model.dataset.Dataset;
import org.crater.model.user.User;

/** Converts datasets to their views. */
public final class DatasetViews {

  private DatasetViews() {}

  public static DatasetView of(Dataset dataset) {
    return new DatasetView(
        dataset.getName(),
        dataset.getDescription(),
        dataset.getKind(),
        dataset.getPvc(),
        dataset.getSubPath(),
        dataset.isReadOnly());
  }

  public static DatasetDetailView detail(Dataset dataset) {
    return new DatasetDetailView(
        dataset.getName(),
        dataset.getDescription(),
        dataset.getKind(),
        dataset.getPvc(),
        dataset.getSubPath(),
        dataset.isReadOnly(),
        dataset.getVisibility(),
        dataset.getAccounts().stream().map(Account::getName).sorted().toList(),
        dataset.getUsers().stream().map(User::getUsername).sorted().toList(),
        dataset.getCreatedAt(),
        dataset.getUpdatedAt());
  }
}
