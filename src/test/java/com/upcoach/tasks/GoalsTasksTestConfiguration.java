package com.upcoach.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.upcoach.StatementCounter;
import com.upcoach.goals.GoalCompleted;
import com.upcoach.goals.MilestoneReached;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The one test context of the goals and tasks integration tests: a clock the tests set
 * (always after the real time, so the access tokens it stamps stay valid) and a record of
 * the events the two modules published and committed, and the statement counter.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(StatementCounter.Configuration.class)
public class GoalsTasksTestConfiguration {

	/** A Saturday; Europe/Berlin moves to summer time in the night that follows. */
	public static final Instant START = Instant.parse("2027-03-27T10:00:00Z");

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(START);
	}

	@Bean
	RecordedEvents recordedEvents() {
		return new RecordedEvents();
	}

	/**
	 * A clock that stands still until a test moves it.
	 */
	public static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		public void set(Instant instant) {
			this.now = instant;
		}

		public void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(this.now, zone);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/**
	 * Committed goal and task events, in order.
	 */
	public static class RecordedEvents {

		private final List<Object> events = new CopyOnWriteArrayList<>();

		@TransactionalEventListener(fallbackExecution = true)
		void on(TaskCompleted event) {
			this.events.add(event);
		}

		@TransactionalEventListener(fallbackExecution = true)
		void on(GoalCompleted event) {
			this.events.add(event);
		}

		@TransactionalEventListener(fallbackExecution = true)
		void on(MilestoneReached event) {
			this.events.add(event);
		}

		public List<TaskCompleted> taskCompletions(UUID taskId) {
			return this.events.stream()
				.filter(TaskCompleted.class::isInstance)
				.map(TaskCompleted.class::cast)
				.filter((event) -> event.taskId().equals(taskId))
				.toList();
		}

		public List<GoalCompleted> goalCompletions(UUID goalId) {
			return this.events.stream()
				.filter(GoalCompleted.class::isInstance)
				.map(GoalCompleted.class::cast)
				.filter((event) -> event.goalId().equals(goalId))
				.toList();
		}

		public List<MilestoneReached> milestonesReached(UUID milestoneId) {
			return this.events.stream()
				.filter(MilestoneReached.class::isInstance)
				.map(MilestoneReached.class::cast)
				.filter((event) -> event.milestoneId().equals(milestoneId))
				.toList();
		}

	}

}
