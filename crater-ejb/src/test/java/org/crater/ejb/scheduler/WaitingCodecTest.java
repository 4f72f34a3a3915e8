package org.crater.ejb.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitingCodecTest {

  @Test
  void aPublishedViewReadsBackAsItWasWritten() {
    Map<Long, Waiting> waiting = new HashMap<>();
    waiting.put(7L, new Waiting(WaitReason.noCapacity("A100", "1 replica(s) of cpu=1"), 1));
    waiting.put(
        8L, new Waiting(WaitReason.quotaExceeded("member", "lab", "nvidia.com/gpu", "2", "1"), 2));
    waiting.put(9L, new Waiting(WaitReason.behindInQueue(1), 3));

    assertThat(WaitingCodec.decode(WaitingCodec.encode(waiting))).isEqualTo(waiting);
  }

  @Test
  void nothingPublishedYetIsNoJobWaiting() {
    assertThat(WaitingCodec.decode(new byte[0])).isEmpty();
    assertThat(WaitingCodec.decode(WaitingCodec.encode(Map.of()))).isEmpty();
  }

  @Test
  void twentyThousandJobsTakeLittleRoom() {
    Map<Long, Waiting> waiting = new HashMap<>();
    for (long id = 1; id <= 20_000; id++) {
      waiting.put(id, new Waiting(WaitReason.behindInQueue((int) (id % 50)), (int) id));
    }

    byte[] bytes = WaitingCodec.encode(waiting);

    assertThat(bytes.length).isLessThan(1_000_000);
    assertThat(WaitingCodec.decode(bytes)).hasSize(20_000);
  }
}
