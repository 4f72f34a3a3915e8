package org.crater.ejb.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.crater.ejb.account.AccountService;
import org.crater.ejb.common.LogValues;
import org.crater.ejb.quota.QuotaSettings;
import org.crater.ejb.user.UserService;
import org.crater.model.account.Account;
import org.crater.model.account.AccountRole;
import org.crater.model.auth.RefreshToken;
import org.crater.model.auth.RefreshTokenState;
import org.crater.model.user.PlatformRole;
import org.crater.model.user.User;

/**
 * Login, token refresh with rotation, logout, sign-up and per-request authentication. A refresh
 * token works once: using it again after the grace period revokes every token descended from the
 * same login (its family, which is also the session id in every access token of that login).
 */
@Stateless
public class AuthService {

  private static final Logger LOG = Logger.getLogger(AuthService.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private AuthSettings settings;
  @Inject private LoginThrottle throttle;
  @Inject private Passwords passwords;
  @Inject private QuotaSettings quotas;
  @EJB private UserService users;
  @EJB private AccountService accounts;
  @EJB private SessionRevocations revocations;
  @Inject private RevokedSessions revokedSessions;
  @Inject private CallerCache callers;

  private TokenCodec codec;

  @PostConstruct
  void init() {
    codec = new TokenCodec(settings.secret(), clock);
  }

  /**
   * Checks the password of {@code username}, throttled per username and per client {@code address};
   * only failures count against the limits.
   */
  public TokenPair login(String username, String password, String address) {
    throttle.attempt(username, address);
    User user = users.find(username).orElse(null);
    if (!passwords.hasher().matches(password, user == null ? null : user.getPasswordHash())) {
      LOG.info(
          () ->
              "refused login user=" + LogValues.of(username) + " address=" + LogValues.of(address));
      throw new InvalidCredentialsException();
    }
    throttle.succeeded(username, address);
    if (!user.isActive()) {
      throw new UserDisabledException();
    }
    LOG.info(
        () -> "logged in user=" + LogValues.of(username) + " address=" + LogValues.of(address));
    return issue(user, UUID.randomUUID().toString());
  }

  /**
   * Trades a refresh token for a new pair. A token used again within the grace period answers the
   * pair its first use got (a client's parallel requests refresh with the same token); used again
   * later, it is a theft and revokes the whole family.
   */
  public TokenPair refresh(String refreshToken) {
    TokenCodec.Claims claims = codec.verify(refreshToken, TokenCodec.Type.REFRESH);
    RefreshToken stored = em.find(RefreshToken.class, claims.id(), LockModeType.PESSIMISTIC_WRITE);
    if (stored == null) {
      throw InvalidTokenException.revoked();
    }
    Instant now = clock.instant();
    if (stored.rotatedWithin(settings.refreshGrace(), now)) {
      return reissue(stored);
    }
    String successor = UUID.randomUUID().toString();
    if (!stored.rotate(successor, now)) {
      revokeFamily(stored.getFamily(), "reused");
      throw new RefreshTokenReusedException();
    }
    User user = activeUser(stored.getUserId());
    em.persist(
        new RefreshToken(
            successor, stored.getFamily(), user.getId(), now, now.plus(settings.refreshTtl())));
    return pair(user, stored.getFamily(), successor, now);
  }

  /** The pair that the first use of {@code rotated} answered, signed again to the same bytes. */
  private TokenPair reissue(RefreshToken rotated) {
    RefreshToken successor = em.find(RefreshToken.class, rotated.getReplacedBy());
    if (successor == null || successor.getState() == RefreshTokenState.REVOKED) {
      throw InvalidTokenException.revoked();
    }
    return pair(
        activeUser(rotated.getUserId()),
        rotated.getFamily(),
        successor.getId(),
        successor.getIssuedAt());
  }

  private User activeUser(long userId) {
    User user = em.find(User.class, userId);
    if (user == null) {
      throw InvalidTokenException.revoked();
    }
    if (!user.isActive()) {
      throw new UserDisabledException();
    }
    return user;
  }

  /**
   * Ends the session of this refresh token: it, every token rotated from it and every access token
   * of the session stop working (on every replica within about a second). Returns the token's
   * claims, which name whose session it was.
   */
  public TokenCodec.Claims logout(String refreshToken) {
    TokenCodec.Claims claims = codec.verify(refreshToken, TokenCodec.Type.REFRESH);
    if (claims.family() != null) {
      revokeFamily(claims.family(), "logout");
    }
    return claims;
  }

  private void revokeFamily(String family, String why) {
    int revoked =
        em.createNamedQuery(RefreshToken.REVOKE_FAMILY)
            .setParameter("family", family)
            .executeUpdate();
    revocations.revoke(family);
    LOG.info(() -> "revoked refresh tokens family=" + family + " count=" + revoked + " why=" + why);
  }

  /** Creates a USER (never an ADMIN) and makes them a member of the default account. */
  public User signup(String username, String password, String displayName, String email) {
    if (!settings.signupEnabled()) {
      throw new SignupDisabledException();
    }
    User user =
        users.create(username, displayName, email, passwords.hash(password), PlatformRole.USER);
    accounts.putMember(Account.DEFAULT, username, AccountRole.MEMBER, quotas.defaultMemberQuota());
    return user;
  }

  /**
   * The caller of a request bearing this access token, with their role as it is now (as this
   * replica last read it, at most {@link CallerCache}'s age ago). The token's session must not have
   * ended: one lookup in {@link RevokedSessions}, in memory.
   */
  public Principal authenticate(String accessToken) {
    TokenCodec.Claims claims = codec.verify(accessToken, TokenCodec.Type.ACCESS);
    if (revokedSessions.contains(claims.family())) {
      throw InvalidTokenException.revoked();
    }
    CallerCache.Caller caller =
        callers.fresh(claims.userId()).orElseGet(() -> readCaller(claims.userId()));
    if (caller == null || !caller.principal().username().equals(claims.username())) {
      throw InvalidTokenException.revoked();
    }
    if (!caller.active()) {
      throw new UserDisabledException();
    }
    return caller.principal();
  }

  /** The user as a caller, read from the database and remembered; null when there is none. */
  private CallerCache.Caller readCaller(long userId) {
    User user = em.find(User.class, userId);
    if (user == null) {
      return null;
    }
    CallerCache.Caller caller =
        new CallerCache.Caller(
            new Principal(user.getId(), user.getUsername(), user.getRole()), user.isActive());
    callers.put(caller);
    return caller;
  }

  /**
   * Development mode only: the caller named by the debug header, if that user exists and is active.
   */
  public Principal authenticateAs(String username) {
    if (!settings.devMode()) {
      throw InvalidTokenException.missing();
    }
    User user = users.find(username).orElseThrow(InvalidTokenException::invalid);
    if (!user.isActive()) {
      throw new UserDisabledException();
    }
    return new Principal(user.getId(), user.getUsername(), user.getRole());
  }

  private TokenPair issue(User user, String family) {
    Instant now = clock.instant();
    String refreshId = UUID.randomUUID().toString();
    em.persist(
        new RefreshToken(refreshId, family, user.getId(), now, now.plus(settings.refreshTtl())));
    return pair(user, family, refreshId, now);
  }

  /**
   * The access and refresh tokens of one refresh record. Everything in them follows from the record
   * (the access token's id too), so signing them again gives the same tokens.
   */
  private TokenPair pair(User user, String family, String refreshId, Instant issuedAt) {
    Instant accessExpiry = issuedAt.plus(settings.accessTtl());
    Instant refreshExpiry = issuedAt.plus(settings.refreshTtl());
    String access =
        codec.sign(
            new TokenCodec.Claims(
                TokenCodec.Type.ACCESS,
                user.getId(),
                user.getUsername(),
                "access-" + refreshId,
                family,
                accessExpiry),
            issuedAt);
    String refresh =
        codec.sign(
            new TokenCodec.Claims(
                TokenCodec.Type.REFRESH,
                user.getId(),
                user.getUsername(),
                refreshId,
                family,
                refreshExpiry),
            issuedAt);
    return new TokenPair(access, accessExpiry, refresh, refreshExpiry, user);
  }
}
