package org.crater.web.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * Copies one followed log from the cluster to the client as server-sent events: a {@code data:}
 * event per log line, a {@code : keep-alive} comment when the log has been quiet, an {@code end}
 * event when it ends. Each event is a chunk sent at once. The keep-alive is what finds a client
 * that went away (Payara does not notice a closed connection it is not writing to): writing to it
 * fails, and the pump closes. {@link #close} may come from any thread; it closes the cluster
 * stream, which ends a read blocked on it, and gives the slot back exactly once.
 */
final class LogPump implements Runnable {

  static final String MEDIA_TYPE = "text/event-stream";

  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "event: end\ndata:\n\n".getBytes(StandardCharsets.UTF_8);

  private final InputStream log;
  private final Runnable release;
  private final ChunkedOutput<byte[]> client = new ChunkedOutput<>(byte[].class);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long lastSendNanos = System.nanoTime();

  LogPump(InputStream log, Runnable release) {
    this.log = log;
    this.release = release;
  }

  /** The response body: the events, sent as they come. */
  ChunkedOutput<byte[]> output() {
    return client;
  }

  @Override
  public void run() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8))) {
      send(KEEP_ALIVE); // the headers leave at once, even for a quiet log
      for (String line; (line = lines.readLine()) != null; ) {
        send(("data: " + line + "\n\n").getBytes(StandardCharsets.UTF_8));
      }
      send(END);
    } catch (IOException | RuntimeException ended) {
      // the client went away, the cluster stream broke or was closed: the stream is over either way
    } finally {
      close();
    }
  }

  /** Sends a keep-alive when nothing was sent for {@code quietNanos}; closes when that fails. */
  void keepAlive(long quietNanos) {
    if (closed.get() || System.nanoTime() - lastSendNanos < quietNanos) {
      return;
    }
    try {
      send(KEEP_ALIVE);
    } catch (IOException | RuntimeException gone) {
      close();
    }
  }

  boolean closed() {
    return closed.get();
  }

  void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        log.close();
        client.close();
      } catch (IOException | RuntimeException ignored) {
        // both ends are being abandoned; nothing is left to do with them
      } finally {
        release.run();
      }
    }
  }

  private void send(byte[] event) throws IOException {
    client.write(event);
    lastSendNanos = System.nanoTime();
  }
}
