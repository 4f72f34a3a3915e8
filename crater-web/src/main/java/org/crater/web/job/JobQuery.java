package org.crater.web.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.crater.ejb.job.JobFilter;
import org.crater.model.job.JobKind;
import org.crater.model.job.JobPhase;
import org.crater.web.common.QueryParams;

/** The query of a job list: filters, paging and order; archived jobs only when asked. */
public class JobQuery {

  @QueryParam("phase")
  String phase;

  @QueryParam("kind")
  String kind;

  @QueryParam("account")
  String account;

  @QueryParam("since")
  String since;

  @QueryParam("until")
  String until;

  @QueryParam("archived")
  String archived;

  @QueryParam("sort")
  @DefaultValue("newest")
  String sort;

  @QueryParam("page")
  @DefaultValue("0")
  @Min(0)
  @Max(1_000_000)
  int page;

  @QueryParam("size")
  @DefaultValue("50")
  @Min(1)
  @Max(500)
  int size;

  JobFilter filter() {
    return new JobFilter(
        QueryParams.enumOf(JobPhase.class, "phase", phase),
        QueryParams.enumOf(JobKind.class, "kind", kind),
        account == null || account.isBlank() ? null : account,
        QueryParams.instant("since", since),
        QueryParams.instant("until", until),
        "oldest".equalsIgnoreCase(sort),
        QueryParams.bool("archived", archived));
  }
}
