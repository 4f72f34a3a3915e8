package org.crater.ejb.quota;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crater.model.quota.ResourceVector;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quota defaults ({@code crater.quota.*}), written as {@code name=quantity} lists such as {@code
 * cpu=16,memory=64Gi,nvidia.com/gpu=2}: the quota a new member of the default account gets, and the
 * quota the default account gets when Crater starts on an empty database.
 */
@ApplicationScoped
public class QuotaSettings {

  @Inject
  @ConfigProperty(
      name = "crater.quota.default-member",
      defaultValue = "cpu=16,memory=64Gi,nvidia.com/gpu=1")
  String defaultMember;

  @Inject
  @ConfigProperty(
      name = "crater.quota.default-account",
      defaultValue = "cpu=256,memory=1Ti,nvidia.com/gpu=16")
  String defaultAccount;

  private ResourceVector member;
  private ResourceVector account;

  @PostConstruct
  void init() {
    member = ResourceQuantities.parse("crater.quota.default-member", split(defaultMember));
    account = ResourceQuantities.parse("crater.quota.default-account", split(defaultAccount));
  }

  public ResourceVector defaultMemberQuota() {
    return member;
  }

  public ResourceVector defaultAccountQuota() {
    return account;
  }

  private static Map<String, String> split(String list) {
    Map<String, String> quantities = new LinkedHashMap<>();
    for (String pair : list.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        quantities.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return quantities;
  }
}
