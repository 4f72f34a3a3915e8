package org.crater.ejb.user;

import java.util.List;
import org.crater.model.user.User;

/**
 * One page of users.
 *
 * @param items the users of this page, by username
 * @param total how many users match the filter in all
 */
public record UserPage(List<User> items, long total) {}
