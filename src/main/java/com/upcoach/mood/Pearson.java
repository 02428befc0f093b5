package com.upcoach.mood;

import java.time.LocalDate;
import java.util.Map;

/**
 * Pearson's correlation coefficient of two daily series, over the days both have a value.
 */
final class Pearson {

	/** Fewer aligned days than this say nothing. */
	static final int MINIMUM_DAYS = 7;

	private Pearson() {
	}

	/**
	 * @return r in [−1, 1], or null with fewer than {@link #MINIMUM_DAYS} aligned days or
	 * when either series is constant over them
	 */
	static Double correlation(Map<LocalDate, Double> first, Map<LocalDate, Double> second) {
		int n = 0;
		double sumX = 0;
		double sumY = 0;
		for (Map.Entry<LocalDate, Double> entry : first.entrySet()) {
			Double y = second.get(entry.getKey());
			if (entry.getValue() != null && y != null) {
				n++;
				sumX += entry.getValue();
				sumY += y;
			}
		}
		if (n < MINIMUM_DAYS) {
			return null;
		}
		double meanX = sumX / n;
		double meanY = sumY / n;
		double covariance = 0;
		double varianceX = 0;
		double varianceY = 0;
		for (Map.Entry<LocalDate, Double> entry : first.entrySet()) {
			Double y = second.get(entry.getKey());
			if (entry.getValue() != null && y != null) {
				double dx = entry.getValue() - meanX;
				double dy = y - meanY;
				covariance += dx * dy;
				varianceX += dx * dx;
				varianceY += dy * dy;
			}
		}
		if (varianceX < 1e-12 || varianceY < 1e-12) {
			return null;
		}
		double r = covariance / Math.sqrt(varianceX * varianceY);
		return Math.max(-1.0, Math.min(1.0, r));
	}

	/**
	 * @return how many days both series have a value
	 */
	static int alignedDays(Map<LocalDate, Double> first, Map<LocalDate, Double> second) {
		int n = 0;
		for (Map.Entry<LocalDate, Double> entry : first.entrySet()) {
			if (entry.getValue() != null && second.get(entry.getKey()) != null) {
				n++;
			}
		}
		return n;
	}

}
