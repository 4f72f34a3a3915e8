package org.crater.web.quota;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeSet;
import org.crater.ejb.quota.MemberQuota;
import org.crater.ejb.quota.QuotaService;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.model.quota.ResourceVector;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's quota and usage. */
@Path("api/v1/quota")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quota", description = "What you may use, and what you use")
public class QuotaResource {

  @EJB private QuotaService quotas;
  @Inject private CurrentUser caller;

  @GET
  @Operation(
      summary =
          "My quota and usage in each of my accounts: guaranteed jobs count against quota"
              + " (used), best-effort jobs run beyond it (bestEffortUsed)")
  @APIResponse(responseCode = "200", description = "One entry per account")
  public List<QuotaView> mine() {
    return quotas.quotasOf(caller.id()).stream().map(QuotaResource::view).toList();
  }

  private static QuotaView view(MemberQuota quota) {
    TreeSet<String> names = new TreeSet<>();
    for (ResourceVector vector :
        List.of(
            quota.limit(),
            quota.used(),
            quota.bestEffortUsed(),
            quota.accountLimit(),
            quota.accountUsed(),
            quota.accountBestEffortUsed())) {
      names.addAll(vector.amounts().keySet());
    }
    List<QuotaView.Usage> usage =
        names.stream()
            .map(
                name ->
                    new QuotaView.Usage(
                        name,
                        print(name, quota.limit()),
                        print(name, quota.used()),
                        print(name, quota.bestEffortUsed()),
                        print(name, quota.accountLimit()),
                        print(name, quota.accountUsed()),
                        print(name, quota.accountBestEffortUsed())))
            .toList();
    return new QuotaView(quota.account(), quota.role(), usage);
  }

  private static String print(String name, ResourceVector vector) {
    return ResourceQuantities.format(name, vector.get(name));
  }
}
