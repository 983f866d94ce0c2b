package th.gfmis.keycloak.benchmark;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * How far a ratio measured once per round can be trusted: the mean of the rounds' ratios and the 95
 * % confidence interval of that mean (Student's t, each round taken as an independent sample). On a
 * machine whose speed drifts from minute to minute, one run's ratio is an estimate; the interval
 * tells whether a target such as 0.90× lies below, inside or above what the rounds measured.
 *
 * @param rounds the number of rounds
 * @param mean the mean of their ratios
 * @param low the interval's lower end
 * @param high the interval's upper end
 */
public record RoundSpread(int rounds, double mean, double low, double high) {

  private static final double CONFIDENCE = 0.95;

  /** The spread of {@code ratios}, one per round; empty for fewer than two rounds. */
  public static Optional<RoundSpread> of(double... ratios) {
    if (ratios.length < 2) {
      return Optional.empty();
    }
    SummaryStatistics statistics = new SummaryStatistics();
    for (double ratio : ratios) {
      statistics.addValue(ratio);
    }
    double t =
        new TDistribution(ratios.length - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    double halfWidth = t * statistics.getStandardDeviation() / Math.sqrt(ratios.length);
    double mean = statistics.getMean();
    return Optional.of(new RoundSpread(ratios.length, mean, mean - halfWidth, mean + halfWidth));
  }
}
