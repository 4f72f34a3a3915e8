package org.crater.web.common;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds every request body at {@code crater.http.max-body-bytes}: a larger declared length is
 * refused before anything is read, and a body without a declared length (chunked) is cut off as
 * soon as it passes the bound. Either way the answer is 413, and no more than the bound is ever
 * held.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimitFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "crater.http.max-body-bytes", defaultValue = "1048576")
  long maxBytes;

  static final long DRAIN_BYTES = 8L * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      if (request.getLength() <= maxBytes + DRAIN_BYTES) {
        drain(request.getEntityStream());
      }
      throw new BodyTooLargeException(maxBytes);
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
    }
  }

  /** Counts what is read and fails the read that passes the bound. */
  private static final class Bounded extends FilterInputStream {

    private final long max;
    private long read;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      read += n;
      if (read > max) {
        drain(in);
        throw new BodyTooLargeException(max);
      }
    }
  }

  private static void drain(InputStream body) {
    byte[] buffer = new byte[8192];
    try {
      for (long dropped = 0; dropped < DRAIN_BYTES; ) {
        int n = body.read(buffer);
        if (n < 0) {
          return;
        }
        dropped += n;
      }
    } catch (IOException e) {
      // the client stopped sending: nothing is left to drop
    }
  }
}
