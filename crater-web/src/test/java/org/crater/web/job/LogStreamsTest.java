package org.crater.web.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LogStreamsTest {

  /**
   * A log with nothing to say: a read waits until the stream is closed, as a cluster stream does.
   */
  private static final class QuietLog extends InputStream {
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public int read() throws IOException {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("stream closed");
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }

  private static LogStreams caps(int total, int perUser) {
    LogStreams streams = new LogStreams();
    streams.maxStreams = total;
    streams.maxPerUser = perUser;
    return streams;
  }

  @Test
  void aUserFollowsUpToTheirCapAndAgainOnceOneEnds() {
    LogStreams streams = caps(10, 2);

    streams.reserve(1);
    streams.reserve(1);

    assertThatThrownBy(() -> streams.reserve(1))
        .isInstanceOf(TooManyStreamsException.class)
        .hasMessageContaining("You follow 2 logs already");
    streams.release(1);
    streams.reserve(1);
  }

  @Test
  void everyoneTogetherStopsAtTheGlobalCap() {
    LogStreams streams = caps(2, 5);

    streams.reserve(1);
    streams.reserve(2);

    assertThatThrownBy(() -> streams.reserve(3))
        .isInstanceOf(TooManyStreamsException.class)
        .hasMessageContaining("Too many logs");
    streams.release(2);
    streams.reserve(3);
  }

  @Test
  void aRefusedStreamTakesNoPlace() {
    LogStreams streams = caps(1, 1);
    streams.reserve(1);

    assertThatThrownBy(() -> streams.reserve(2)).isInstanceOf(TooManyStreamsException.class);
    streams.release(1);

    streams.reserve(2);
  }

  @Test
  void aPumpEndsWithItsLogAndGivesItsPlaceBackOnce() {
    AtomicInteger released = new AtomicInteger();
    LogPump pump =
        new LogPump(
            new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)),
            released::incrementAndGet);

    pump.run();
    pump.close();

    assertThat(pump.closed()).isTrue();
    assertThat(released).hasValue(1);
  }

  @Test
  void closingAPumpFromAnotherThreadEndsItsBlockedRead() throws Exception {
    AtomicInteger released = new AtomicInteger();
    LogPump pump = new LogPump(new QuietLog(), released::incrementAndGet);
    Thread reader = new Thread(pump);
    reader.start();

    pump.close();
    reader.join(5_000);

    assertThat(reader.isAlive()).isFalse();
    assertThat(released).hasValue(1);
  }

  @Test
  void aKeepAliveToAClosedClientClosesThePump() throws IOException {
    AtomicInteger released = new AtomicInteger();
    LogPump pump = new LogPump(new QuietLog(), released::incrementAndGet);
    pump.output().close(); // what the client's end looks like once it is gone

    pump.keepAlive(0);

    assertThat(pump.closed()).isTrue();
    assertThat(released).hasValue(1);
  }
}
