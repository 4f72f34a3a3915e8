package org.crater.web.admin;

import java.util.List;
import org.crater.web.account.MembershipView;
import org.crater.web.user.UserView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user with their accounts.
 *
 * @param user the user
 * @param accounts their memberships
 */
@Schema(name = "UserDetail")
public record UserDetailView(UserView user, List<MembershipView> accounts) {}
