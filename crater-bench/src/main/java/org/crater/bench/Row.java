package org.crater.bench;

/**
 * One measured number.
 *
 * @param scenario which part of the suite measured it
 * @param metric what it is
 * @param value the number
 * @param unit its unit
 * @param target the target it is held against (e.g. {@code <= 100}), or empty
 * @param note context (sample size, conditions)
 */
record Row(String scenario, String metric, double value, String unit, String target, String note) {

  /** "yes", "NO", or "" when there is no target. */
  String met() {
    if (target.isEmpty() || Double.isNaN(value)) {
      return target.isEmpty() ? "" : "NO";
    }
    double bound = Double.parseDouble(target.substring(target.indexOf(' ') + 1));
    boolean ok = target.startsWith(">=") ? value >= bound : value <= bound;
    return ok ? "yes" : "NO";
  }
}
