package org.crater.web.compat.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crater.ejb.account.AccountService;
import org.crater.ejb.job.JobService;
import org.crater.ejb.node.ClusterSettings;
import org.crater.ejb.quota.QuotaService;
import org.crater.ejb.quota.ResourceQuantities;
import org.crater.ejb.user.UserService;
import org.crater.model.account.Account;
import org.crater.model.account.AccountRole;
import org.crater.model.account.Membership;
import org.crater.model.job.TaskType;
import org.crater.model.quota.ResourceVector;
import org.crater.model.user.User;
import org.crater.web.common.QueryParams;
import org.crater.web.compat.CompatApi;
import org.crater.web.compat.CompatBodies;
import org.crater.web.compat.CompatError;
import org.crater.web.compat.Envelope;
import org.crater.web.compat.Roles;
import org.crater.web.compat.task.TaskAnswers;
import org.crater.web.compat.task.TaskViews;
import org.crater.web.security.AdminOnly;
import org.crater.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Crater v0.1.0's admin routes over the native users, default-account members and jobs. */
@Path("v1/admin")
@CompatApi
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = CompatApi.TAG, description = CompatApi.TAG_DESCRIPTION)
@APIResponse(
    responseCode = "401",
    description = "No or a bad token (40106, 40105), or not an administrator (40107)",
    content = @Content(schema = @Schema(implementation = CompatError.class)))
public class CompatAdminResource {

  /** The most users {@code listUser} shows. */
  static final int MAX_USERS = 10_000;

  /** {@code listByTaskType} looks at this many newest jobs, as v0.1.0 had no paging. */
  static final int MAX_TASKS = 1000;

  @EJB private UserService users;
  @EJB private AccountService accounts;
  @EJB private QuotaService quotas;
  @EJB private JobService jobs;
  @Inject private ClusterSettings cluster;
  @Inject private CurrentUser caller;
  @Inject private CompatBodies bodies;

  @GET
  @Path("listUser")
  @Operation(summary = "Every user with their quota: {Users}")
  @APIResponse(responseCode = "200", description = "The users")
  public Envelope<AdminAnswers.Users> listUser() {
    Map<Long, ResourceVector> quotaOf = defaultQuotas();
    return Envelope.of(
        new AdminAnswers.Users(
            users.page(null, null, null, 0, MAX_USERS).items().stream()
                .map(user -> user(user, quotaOf.get(user.getId())))
                .toList()));
  }

  @GET
  @Path("getUser")
  @Operation(
      summary =
          "One user, by userName or userID in the query (v0.1.0 read a GET body, which the"
              + " server refuses and browsers never send)")
  @APIResponse(responseCode = "200", description = "The user")
  @APIResponse(
      responseCode = "404",
      description = "No such user (40401)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Envelope<AdminAnswers.User> getUser(
      @QueryParam("userName") String userName, @QueryParam("userID") String userId) {
    User user =
        userName != null && !userName.isBlank()
            ? users.get(userName.strip())
            : users.get(QueryParams.number("userID", userId));
    return Envelope.of(user(user, inDefault(user).map(Membership::getQuota).orElse(null)));
  }

  @GET
  @Path("listQuota")
  @Operation(summary = "Every member's quota in the default account: {Quotas}")
  @APIResponse(responseCode = "200", description = "The quotas")
  public Envelope<AdminAnswers.Quotas> listQuota() {
    return Envelope.of(
        new AdminAnswers.Quotas(
            accounts.members(Account.DEFAULT).stream()
                .map(Membership::getUser)
                .map(user -> TaskViews.quota(user.getUsername(), quotas.quotasOf(user.getId())))
                .toList()));
  }

  @GET
  @Path("listByTaskType")
  @Operation(
      summary =
          "Every user's tasks of one type (all types when absent) among the newest "
              + MAX_TASKS
              + " jobs, deleted ones included: {Tasks}")
  @APIResponse(responseCode = "200", description = "The tasks")
  public Envelope<TaskAnswers.Listing> listByTaskType(@QueryParam("taskType") String taskType) {
    TaskType type = QueryParams.enumOf(TaskType.class, "taskType", taskType);
    return Envelope.of(
        TaskViews.listing(
            jobs.list(caller.get(), true, TaskViews.everything(), 0, MAX_TASKS).items().stream()
                .filter(job -> type == null || job.getTaskType() == type),
            cluster.namespace()));
  }

  @GET
  @Path("taskStats")
  @Operation(summary = "How many tasks of all users that are not deleted are in each status")
  @APIResponse(responseCode = "200", description = "Counts")
  public Envelope<TaskAnswers.Stats> taskStats() {
    return Envelope.of(TaskViews.stats(jobs.statistics(caller.get(), true, false)));
  }

  @POST
  @Path("updateQuota")
  @Operation(summary = "Replace a user's quota in the default account (making them a member)")
  @RequestBody(content = @Content(schema = @Schema(implementation = AdminBodies.UpdateQuota.class)))
  @APIResponse(responseCode = "200", description = "Changed")
  public Envelope<String> updateQuota(InputStream body) {
    AdminBodies.UpdateQuota change = bodies.read(body, AdminBodies.UpdateQuota.class);
    User user = users.get(change.userName().strip());
    accounts.putMember(
        Account.DEFAULT,
        user.getUsername(),
        inDefault(user).map(Membership::getRole).orElse(AccountRole.MEMBER),
        ResourceQuantities.parse("hardQuota", change.hardQuota()));
    return Envelope.done();
  }

  @POST
  @Path("deleteUser")
  @Operation(
      summary = "Delete a user with their memberships and sessions",
      description =
          "A user whose tasks are on record is kept with them (40901); disable them instead.")
  @RequestBody(content = @Content(schema = @Schema(implementation = AdminBodies.DeleteUser.class)))
  @APIResponse(responseCode = "200", description = "Deleted")
  @APIResponse(
      responseCode = "409",
      description = "The user has tasks on record (40901)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  @APIResponse(
      responseCode = "422",
      description = "Yourself (42201)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Envelope<String> deleteUser(InputStream body) {
    users.delete(bodies.read(body, AdminBodies.DeleteUser.class).userName().strip(), caller.id());
    return Envelope.done();
  }

  @POST
  @Path("updateRole")
  @Operation(summary = "Make a user an administrator or a user")
  @RequestBody(content = @Content(schema = @Schema(implementation = AdminBodies.UpdateRole.class)))
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(
      responseCode = "422",
      description = "Your own role (42201)",
      content = @Content(schema = @Schema(implementation = CompatError.class)))
  public Envelope<String> updateRole(InputStream body) {
    AdminBodies.UpdateRole change = bodies.read(body, AdminBodies.UpdateRole.class);
    users.changeRole(change.userName().strip(), Roles.parse(change.role()), caller.id());
    return Envelope.done();
  }

  /** The user's membership in the default account, if they have one. */
  private Optional<Membership> inDefault(User user) {
    return accounts.membershipsOf(user.getId()).stream()
        .filter(membership -> Account.DEFAULT.equals(membership.getAccount().getName()))
        .findFirst();
  }

  /** Every default-account member's quota, by user id. */
  private Map<Long, ResourceVector> defaultQuotas() {
    return accounts.members(Account.DEFAULT).stream()
        .collect(Collectors.toMap(m -> m.getUser().getId(), Membership::getQuota));
  }

  private static AdminAnswers.User user(User user, ResourceVector quota) {
    return new AdminAnswers.User(
        user.getId(),
        user.getUsername(),
        Roles.name(user.getRole()),
        quota == null ? null : TaskViews.quantities(quota.amounts().keySet(), quota),
        user.getCreatedAt(),
        user.getUpdatedAt());
  }
}
