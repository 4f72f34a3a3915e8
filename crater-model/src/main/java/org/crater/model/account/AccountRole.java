package org.crater.model.account;

/** A member's role inside one account: managers may manage the account's members. */
public enum AccountRole {
  MANAGER,
  MEMBER
}
