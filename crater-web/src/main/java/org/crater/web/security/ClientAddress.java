package org.crater.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request, as login throttling counts it: the peer's address,
 * or, when the peer is a proxy named in {@code crater.http.trusted-proxies}, the address that proxy
 * (and any trusted proxy before it) put in {@code X-Forwarded-For}. Without the setting nobody's
 * {@code X-Forwarded-For} is believed, since any client can send one.
 */
@ApplicationScoped
public class ClientAddress {

  static final String FORWARDED_FOR = "X-Forwarded-For";

  @Inject
  @ConfigProperty(name = "crater.http.trusted-proxies")
  Optional<String> trustedProxies;

  private TrustedProxies trusted = TrustedProxies.NONE;

  @PostConstruct
  void init() {
    trusted = trustedProxies.map(TrustedProxies::parse).orElse(TrustedProxies.NONE);
  }

  /** The client's address. */
  public String of(HttpServletRequest request) {
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
      for (String hop : header.split(",")) {
        hops.add(hop);
      }
    }
    return trusted.clientOf(request.getRemoteAddr(), hops);
  }
}
