package org.crater.model.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaySliceTest {

  private static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void aSpanWithinOneDayIsOneSlice() {
    Instant from = Instant.parse("2026-11-28T10:00:00Z");
    Instant to = Instant.parse("2026-11-28T12:30:00Z");

    assertThat(DaySlice.split(from, to, UTC))
        .containsExactly(new DaySlice(LocalDate.parse("2026-11-28"), from, to));
  }

  @Test
  void aSpanOverMidnightIsCutAtMidnight() {
    Instant from = Instant.parse("2026-11-28T23:00:00Z");
    Instant to = Instant.parse("2026-11-30T01:15:00Z");

    List<DaySlice> slices = DaySlice.split(from, to, UTC);

    assertThat(slices)
        .extracting(DaySlice::day)
        .extracting(LocalDate::toString)
        .containsExactly("2026-11-28", "2026-11-29", "2026-11-30");
    assertThat(slices)
        .extracting(DaySlice::duration)
        .containsExactly(Duration.ofHours(1), Duration.ofHours(24), Duration.ofMinutes(75));
    assertThat(slices.get(1).from()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
  }

  @Test
  void endingExactlyAtMidnightTouchesNoNextDay() {
    Instant from = Instant.parse("2026-11-28T22:00:00Z");
    Instant to = Instant.parse("2026-11-29T00:00:00Z");

    assertThat(DaySlice.split(from, to, UTC))
        .singleElement()
        .satisfies(s -> assertThat(s.duration()).isEqualTo(Duration.ofHours(2)));
  }

  @Test
  void daysFollowTheZonesMidnight() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    Instant from = Instant.parse("2026-11-28T15:00:00Z"); // 23:00 in Shanghai
    Instant to = Instant.parse("2026-11-28T17:00:00Z"); // 01:00 the next day

    assertThat(DaySlice.split(from, to, shanghai))
        .extracting(DaySlice::day)
        .extracting(LocalDate::toString)
        .containsExactly("2026-11-28", "2026-11-29");
  }

  @Test
  void anEmptyOrReversedSpanHasNoSlices() {
    Instant at = Instant.parse("2026-11-28T10:00:00Z");

    assertThat(DaySlice.split(at, at, UTC)).isEmpty();
    assertThat(DaySlice.split(at, at.minusSeconds(1), UTC)).isEmpty();
  }
}
