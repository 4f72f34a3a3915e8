package org.crater.web.auth;

import java.util.List;
import org.crater.web.account.MembershipView;
import org.crater.web.user.UserView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The caller and their accounts.
 *
 * @param user the caller
 * @param accounts the caller's memberships
 */
@Schema(name = "Me")
public record MeView(UserView user, List<MembershipView> accounts) {}
