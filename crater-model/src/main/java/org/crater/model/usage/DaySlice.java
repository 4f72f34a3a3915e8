package org.crater.model.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a time span that falls on one calendar day of a zone.
 *
 * @param day the calendar day
 * @param from where the part starts (inclusive)
 * @param to where it ends (exclusive)
 */
public record DaySlice(LocalDate day, Instant from, Instant to) {

  /** How long the part lasts. */
  public Duration duration() {
    return Duration.between(from, to);
  }

  /**
   * Cuts {@code [from, to)} at every midnight of {@code zone}: one slice per day it touches, in
   * order; none when it is empty or reversed.
   */
  public static List<DaySlice> split(Instant from, Instant to, ZoneId zone) {
    List<DaySlice> slices = new ArrayList<>();
    Instant start = from;
    while (start.isBefore(to)) {
      LocalDate day = LocalDate.ofInstant(start, zone);
      Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
      Instant end = midnight.isBefore(to) ? midnight : to;
      slices.add(new DaySlice(day, start, end));
      start = end;
    }
    return slices;
  }
}
