package com.upcoach.goals.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;

/**
 * The progress formulas, as percentages from 0 to 100 rounded to one decimal.
 */
public final class ProgressRules {

	private ProgressRules() {
	}

	/**
	 * @return completed ÷ total milestones; 0 without milestones
	 */
	public static double milestones(long completed, long total) {
		return (total == 0) ? 0 : round(100.0 * completed / total);
	}

	/**
	 * The mean over the linked habits' strengths (an unknown strength counts 0) and, when
	 * the goal has tasks, the share of them that is done as one more term.
	 * @return 0 when nothing is linked
	 */
	public static double linked(Collection<Double> habitStrengths, long tasksDone, long tasksTotal) {
		double sum = 0;
		int terms = 0;
		for (Double strength : habitStrengths) {
			sum += (strength != null) ? Math.max(0, Math.min(100, strength)) : 0;
			terms++;
		}
		if (tasksTotal > 0) {
			sum += 100.0 * tasksDone / tasksTotal;
			terms++;
		}
		return (terms == 0) ? 0 : round(sum / terms);
	}

	/**
	 * (current − start) ÷ (target − start), clamped to 0–100: works for decreasing
	 * targets (start 82 kg, target 76 kg, current 79 kg is 50 %). When start equals
	 * target, 100 once the current value has reached it.
	 */
	public static double measured(BigDecimal start, BigDecimal target, BigDecimal current) {
		if (target == null || current == null) {
			return 0;
		}
		BigDecimal from = (start != null) ? start : BigDecimal.ZERO;
		BigDecimal span = target.subtract(from);
		if (span.signum() == 0) {
			return (current.compareTo(target) == 0) ? 100 : 0;
		}
		double share = current.subtract(from).divide(span, MathContext.DECIMAL64).doubleValue();
		return round(100 * Math.max(0, Math.min(1, share)));
	}

	static double round(double percent) {
		return Math.round(Math.max(0, Math.min(100, percent)) * 10) / 10.0;
	}

}
