package com.upcoach.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import com.upcoach.coaching.CoachAssigned;
import com.upcoach.coaching.CoachAccess;
import com.upcoach.coaching.SharedArea;
import com.upcoach.identity.AccountManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.JsonBodies;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserCalendar;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import com.upcoach.tasks.domain.Priority;
import com.upcoach.tasks.domain.Recurrence;
import com.upcoach.tasks.domain.Task;
import com.upcoach.tasks.domain.TaskCompletion;
import com.upcoach.tasks.domain.TaskCompletionRepository;
import com.upcoach.tasks.domain.TaskRepository;
import com.upcoach.tasks.domain.TaskStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks module's API: tasks with due dates, priorities, an optional goal and an
 * optional recurrence rule, their completion history, and a coach's view of a client's
 * tasks.
 */
@Service
public class TaskManagement {

	static final String TYPE = "task";

	private static final Set<TaskStatus> OPEN = EnumSet.of(TaskStatus.TODO, TaskStatus.IN_PROGRESS);

	private final TaskRepository tasks;

	private final TaskCompletionRepository completions;

	private final ChangeLog changeLog;

	private final AccountManagement accounts;

	private final ObjectProvider<TaskGoals> goals;

	private final ObjectProvider<CoachAccess> coachAccess;

	private final JsonBodies json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskManagement(TaskRepository tasks, TaskCompletionRepository completions, ChangeLog changeLog,
			AccountManagement accounts, ObjectProvider<TaskGoals> goals, ObjectProvider<CoachAccess> coachAccess,
			JsonBodies json, ApplicationEventPublisher events, Clock clock) {
		this.tasks = tasks;
		this.completions = completions;
		this.changeLog = changeLog;
		this.accounts = accounts;
		this.goals = goals;
		this.coachAccess = coachAccess;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Create a task. A retry with the same client-generated id returns the task it
	 * created ({@link Created#created()} false); an id of another user's or a deleted
	 * task answers {@code CONFLICT}.
	 */
	@Transactional
	public Created create(UserId owner, NewTask request) {
		return create(owner, request, null);
	}

	/**
	 * A coach assigns a task to a client who shares their tasks with the coach; the task
	 * belongs to the client and names the coach in {@code assignedBy}.
	 */
	@Transactional
	public Created assign(UserId coach, UserId client, NewTask request) {
		if (!access().canAssign(coach, client, SharedArea.TASKS)) {
			throw new NotFoundException("Client", client);
		}
		Created created = create(client, request, coach.value());
		if (created.created()) {
			this.events.publishEvent(new CoachAssigned(client.value(), coach.value(), "task", created.task().id(),
					created.task().title(), this.clock.instant()));
		}
		return created;
	}

	private Created create(UserId owner, NewTask request, UUID assignedBy) {
		this.json.validate(request);
		long seq = this.changeLog.next(owner);
		UUID id = (request.id() != null) ? request.id() : UUID.randomUUID();
		Optional<Task> existing = this.tasks.findById(id);
		if (existing.isPresent()) {
			if (!existing.get().getUserId().equals(owner.value())) {
				throw ApiException.conflict("The id " + id + " is already in use");
			}
			return new Created(toView(existing.get()), false);
		}
		if (this.changeLog.isDeleted(TYPE, id)) {
			throw ApiException.conflict("The task " + id + " was deleted; create it with a new id");
		}
		Task task = new Task(id, owner, seq, request.title().strip(), assignedBy);
		task.setNotes(emptyToNull(request.notes()));
		task.setDueDate(request.dueDate());
		task.setDueTime(request.dueTime());
		if (request.priority() != null) {
			task.setPriority(Priority.fromWire(request.priority()));
		}
		if (request.status() != null) {
			task.setStatus(TaskStatus.fromWire(request.status()));
		}
		if (request.goalId() != null) {
			requireGoal(owner, request.goalId());
			task.setGoalId(request.goalId());
		}
		if (request.recurrence() != null) {
			applyRecurrence(task, request.recurrence(), request.dueDate());
		}
		if (task.getDueTime() != null && task.getDueDate() == null) {
			throw ApiException.validation("dueTime", "A due time needs a due date");
		}
		Task saved = this.tasks.saveAndFlush(task);
		publishChanged(saved, null, "created");
		return new Created(toView(saved), true);
	}

	@Transactional(readOnly = true)
	public TaskView get(UserId owner, UUID id) {
		return toView(find(owner, id));
	}

	/**
	 * The user's tasks, filtered.
	 */
	@Transactional(readOnly = true)
	public Page<TaskView> list(UserId owner, TaskFilter filter, Pageable pageable) {
		LocalDate today = (filter.view() != null) ? calendarOf(owner).today(this.clock) : null;
		return this.tasks.findAll(specification(owner, filter, today), pageable).map(TaskManagement::toView);
	}

	/**
	 * A coach's read-only view of a client's tasks; 404 unless the client shares tasks.
	 */
	@Transactional(readOnly = true)
	public Page<TaskView> clientTasks(UserId coach, UserId client, TaskFilter filter, Pageable pageable) {
		if (!access().canView(coach, client, SharedArea.TASKS)) {
			throw new NotFoundException("Client", client);
		}
		return list(client, filter, pageable);
	}

	/**
	 * Change the fields present in {@code patch} (the same JSON as a REST {@code PATCH}:
	 * a field sent as {@code null} clears it). Setting {@code status} to {@code done}
	 * completes a one-off task, setting it back re-opens it.
	 * @param ifMatch the client's {@code If-Match}, checked against the current version
	 */
	@Transactional
	public TaskView update(UserId owner, UUID id, JsonNode patch, String ifMatch) {
		JsonBodies.Patch<TaskChanges> changes = this.json.patch(patch, TaskChanges.class);
		long seq = this.changeLog.next(owner);
		Task task = find(owner, id);
		ETags.checkIfMatch(ifMatch, task.getVersion());
		List<Object> before = snapshot(task);
		UUID previousGoal = task.getGoalId();
		TaskChanges values = changes.value();
		if (changes.has("title")) {
			if (values.title() == null) {
				throw ApiException.validation("title", "must not be null");
			}
			task.setTitle(values.title().strip());
		}
		if (changes.has("notes")) {
			task.setNotes(emptyToNull(values.notes()));
		}
		if (changes.has("dueTime")) {
			task.setDueTime(values.dueTime());
		}
		if (changes.has("priority")) {
			if (values.priority() == null) {
				throw ApiException.validation("priority", "must not be null");
			}
			task.setPriority(Priority.fromWire(values.priority()));
		}
		if (changes.has("goalId") && !Objects.equals(values.goalId(), task.getGoalId())) {
			if (values.goalId() != null) {
				requireGoal(owner, values.goalId());
			}
			task.setGoalId(values.goalId());
		}
		String rule = changes.has("recurrence") ? values.recurrence() : task.getRecurrence();
		LocalDate due = changes.has("dueDate") ? values.dueDate() : task.getDueDate();
		boolean scheduleChanged = (changes.has("recurrence") && !Objects.equals(rule, task.getRecurrence()))
				|| (changes.has("dueDate") && !Objects.equals(due, task.getDueDate()));
		if (scheduleChanged) {
			if (rule != null) {
				applyRecurrence(task, rule, due);
			}
			else {
				task.recur(null, null);
				task.setDueDate(due);
			}
		}
		if (task.getDueTime() != null && task.getDueDate() == null) {
			throw ApiException.validation("dueTime", "A due time needs a due date");
		}
		String change = "updated";
		if (changes.has("status")) {
			if (values.status() == null) {
				throw ApiException.validation("status", "must not be null");
			}
			change = changeStatus(task, TaskStatus.fromWire(values.status()));
		}
		if (before.equals(snapshot(task))) {
			return toView(task);
		}
		task.stamp(seq);
		Task saved = this.tasks.saveAndFlush(task);
		publishChanged(saved, previousGoal, change);
		return toView(saved);
	}

	private String changeStatus(Task task, TaskStatus status) {
		if (status == task.getStatus()) {
			return "updated";
		}
		if (status == TaskStatus.DONE) {
			if (task.isRecurring()) {
				throw ApiException.validation("status",
						"A recurring task is completed one occurrence at a time: POST /api/v1/tasks/{id}/complete");
			}
			completeOneOff(task, null);
			return "completed";
		}
		if (task.getStatus() == TaskStatus.DONE) {
			reopen(task);
			task.setStatus(status);
			return "uncompleted";
		}
		task.setStatus(status);
		return "updated";
	}

	@Transactional
	public void delete(UserId owner, UUID id) {
		this.changeLog.next(owner);
		Task task = find(owner, id);
		this.tasks.delete(task);
		this.tasks.flush();
		this.changeLog.deleted(owner, TYPE, id, task.getVersion());
		this.events
			.publishEvent(new TaskChanged(owner.value(), id, null, task.getGoalId(), "deleted", this.clock.instant()));
	}

	/**
	 * Complete an occurrence: a one-off task becomes done; a recurring task records the
	 * occurrence and moves its due date to the next one (done when the series ends).
	 * Completing an occurrence that is already complete changes nothing.
	 * @param occurrence the local day of the occurrence; by default the task's due date
	 * (or today for a one-off without one)
	 */
	@Transactional
	public TaskView complete(UserId owner, UUID id, LocalDate occurrence) {
		long seq = this.changeLog.next(owner);
		Task task = find(owner, id);
		Instant now = this.clock.instant();
		boolean changed = task.isRecurring() ? completeOccurrence(task, occurrence, now)
				: completeOneOff(task, occurrence);
		if (!changed) {
			return toView(task);
		}
		task.stamp(seq);
		Task saved = this.tasks.saveAndFlush(task);
		publishChanged(saved, saved.getGoalId(), "completed");
		return toView(saved);
	}

	/**
	 * Record a completion with its own time: imports and demo data.
	 */
	@Transactional
	public TaskView recordCompletion(UserId owner, UUID id, LocalDate occurrence, Instant completedAt) {
		TaskView view = complete(owner, id, occurrence);
		this.completions.findByTaskIdAndOccurrence(id, occurrence).ifPresent((row) -> row.redo(completedAt));
		return view;
	}

	private boolean completeOneOff(Task task, LocalDate occurrence) {
		if (task.getStatus() == TaskStatus.CANCELLED) {
			throw ApiException.conflict("A cancelled task cannot be completed; re-open it first");
		}
		if (task.getStatus() == TaskStatus.DONE) {
			return false;
		}
		LocalDate day = (occurrence != null) ? occurrence
				: (task.getDueDate() != null) ? task.getDueDate() : calendarOf(task.owner()).today(this.clock);
		Instant now = this.clock.instant();
		record(task, day, now);
		task.setStatus(TaskStatus.DONE);
		task.setCompletedAt(now);
		return true;
	}

	private boolean completeOccurrence(Task task, LocalDate occurrence, Instant now) {
		if (task.getStatus() == TaskStatus.CANCELLED) {
			throw ApiException.conflict("A cancelled task cannot be completed; re-open it first");
		}
		Recurrence rule = task.rule();
		if (task.getStatus() == TaskStatus.DONE && occurrence == null) {
			return false;
		}
		LocalDate day = (occurrence != null) ? occurrence : task.getDueDate();
		Optional<TaskCompletion> existing = this.completions.findByTaskIdAndOccurrence(task.getId(), day);
		if (existing.isPresent() && !existing.get().isUndone()) {
			return false;
		}
		if (!rule.isOccurrence(task.getSeriesStart(), day)) {
			throw ApiException.validation("occurrence", day + " is not an occurrence of " + rule);
		}
		if (task.getStatus() != TaskStatus.DONE && day.isAfter(task.getDueDate())) {
			throw ApiException.validation("occurrence",
					"The next occurrence due is " + task.getDueDate() + "; " + day + " is not due yet");
		}
		record(task, day, now);
		rescheduleSeries(task, now);
		return true;
	}

	// Record the completion; announce it only the first time this occurrence is done.
	private void record(Task task, LocalDate day, Instant now) {
		Optional<TaskCompletion> existing = this.completions.findByTaskIdAndOccurrence(task.getId(), day);
		if (existing.isPresent()) {
			existing.get().redo(now);
			return;
		}
		this.completions.save(new TaskCompletion(task.getUserId(), task.getId(), day, now));
		this.events.publishEvent(new TaskCompleted(task.getUserId(), task.getId(), task.getGoalId(), day,
				task.getTitle(), now, task.getCreatedAt()));
	}

	// The next open occurrence follows the latest completed one; none left means done.
	private void rescheduleSeries(Task task, Instant now) {
		Recurrence rule = task.rule();
		Optional<LocalDate> latest = this.completions.findByTaskIdAndUndoneAtIsNullOrderByOccurrenceDesc(task.getId())
			.stream()
			.map(TaskCompletion::getOccurrence)
			.filter((day) -> !day.isBefore(task.getSeriesStart()))
			.findFirst();
		Optional<LocalDate> next = latest.isPresent() ? rule.occurrenceAfter(task.getSeriesStart(), latest.get())
				: rule.first(task.getSeriesStart());
		if (next.isPresent()) {
			task.setDueDate(next.get());
			if (task.getStatus() == TaskStatus.DONE) {
				task.setStatus(TaskStatus.TODO);
				task.setCompletedAt(null);
			}
		}
		else {
			latest.ifPresent(task::setDueDate);
			task.setStatus(TaskStatus.DONE);
			task.setCompletedAt(now);
		}
	}

	/**
	 * Undo the completion of one occurrence: a one-off task is open again, a recurring
	 * task is due on that occurrence again (if it is the latest completed one).
	 */
	@Transactional
	public TaskView uncomplete(UserId owner, UUID id, LocalDate occurrence) {
		long seq = this.changeLog.next(owner);
		Task task = find(owner, id);
		TaskCompletion completion = this.completions.findByTaskIdAndOccurrence(id, occurrence)
			.filter((row) -> !row.isUndone())
			.orElseThrow(() -> new NotFoundException("Completion", occurrence));
		Instant now = this.clock.instant();
		completion.undo(now);
		this.completions.flush();
		if (task.isRecurring()) {
			rescheduleSeries(task, now);
		}
		else {
			task.setStatus(TaskStatus.TODO);
			task.setCompletedAt(null);
		}
		task.stamp(seq);
		Task saved = this.tasks.saveAndFlush(task);
		publishChanged(saved, saved.getGoalId(), "uncompleted");
		return toView(saved);
	}

	private void reopen(Task task) {
		this.completions.findByTaskIdAndUndoneAtIsNullOrderByOccurrenceDesc(task.getId())
			.forEach((row) -> row.undo(this.clock.instant()));
		task.setCompletedAt(null);
	}

	@Transactional(readOnly = true)
	public Page<TaskCompletionView> completions(UserId owner, UUID id, Pageable pageable) {
		find(owner, id);
		return this.completions.findByTaskIdAndUndoneAtIsNull(id, pageable)
			.map((row) -> new TaskCompletionView(row.getOccurrence(), row.getCompletedAt()));
	}

	/**
	 * Open tasks due on a day and the overdue count before it, for the progress
	 * dashboard: two SQL statements whatever the number of tasks.
	 * @param day the user's local day (see {@link UserCalendar#today})
	 * @param limit the most tasks due that day to return
	 */
	@Transactional(readOnly = true)
	public TasksDue due(UserId owner, LocalDate day, int limit) {
		List<TaskView> dueToday = (limit <= 0) ? List.of()
				: this.tasks.findDueOn(owner.value(), OPEN, day, Limit.of(limit))
					.stream()
					.map(TaskManagement::toView)
					.toList();
		Object[] overdue = this.tasks.overdue(owner.value(), OPEN, day).get(0);
		return new TasksDue(day, dueToday, ((Number) overdue[0]).longValue(), (LocalDate) overdue[1]);
	}

	/**
	 * How many task occurrences the user completed from {@code from} (inclusive) until
	 * {@code to} (exclusive) and did not undo (one SQL statement), for the weekly digest.
	 */
	@Transactional(readOnly = true)
	public long completedBetween(UserId owner, Instant from, Instant to) {
		return this.completions.countByUserIdAndUndoneAtIsNullAndCompletedAtGreaterThanEqualAndCompletedAtLessThan(
				owner.value(), from, to);
	}

	/**
	 * How many of a goal's tasks exist and are done (one SQL statement).
	 */
	@Transactional(readOnly = true)
	public GoalTaskCounts countsForGoal(UserId owner, UUID goalId) {
		Object[] counts = this.tasks.countsForGoal(owner.value(), goalId).get(0);
		return new GoalTaskCounts(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
	}

	/**
	 * Unlink every task from a goal that is being deleted (the tasks stay).
	 */
	@Transactional
	public void detachGoal(UserId owner, UUID goalId) {
		for (Task task : this.tasks.findByUserIdAndGoalId(owner.value(), goalId)) {
			task.setGoalId(null);
			task.stamp(this.changeLog.next(owner));
		}
		this.tasks.flush();
	}

	/**
	 * @return whether the user has any task (demo seeding checks it)
	 */
	@Transactional(readOnly = true)
	public boolean hasTasks(UserId owner) {
		return this.tasks.existsByUserId(owner.value());
	}

	/**
	 * @return when the user last changed a task, if ever
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> lastActivity(UserId owner) {
		return this.tasks.lastUpdate(owner.value());
	}

	List<Task> changedSince(UserId owner, long after, int limit) {
		return this.tasks.findByUserIdAndSyncSeqGreaterThanOrderBySyncSeq(owner.value(), after, Limit.of(limit));
	}

	Optional<Task> findAny(UUID id) {
		return this.tasks.findById(id);
	}

	UserCalendar calendarOf(UserId owner) {
		return this.accounts.profile(owner).calendar();
	}

	private CoachAccess access() {
		return this.coachAccess.getIfAvailable(() -> (coach, client, area) -> false);
	}

	private void requireGoal(UserId owner, UUID goalId) {
		TaskGoals checker = this.goals.getIfAvailable();
		if (checker == null || !checker.isGoalOf(owner, goalId)) {
			throw ApiException.validation("goalId", "No goal " + goalId + " of yours exists");
		}
	}

	private void applyRecurrence(Task task, String text, LocalDate start) {
		if (text == null) {
			task.recur(null, null);
			return;
		}
		Recurrence rule = Recurrence.parse("recurrence", text);
		if (start == null) {
			throw ApiException.validation("dueDate", "A recurring task needs a due date: the day its series starts");
		}
		if (task.getStatus() == TaskStatus.DONE) {
			throw ApiException.validation("recurrence", "Re-open the task before making it recur");
		}
		LocalDate first = rule.first(start)
			.orElseThrow(
					() -> ApiException.validation("recurrence", "The rule has no occurrence on or after " + start));
		task.recur(rule.text(), start);
		task.setDueDate(first);
	}

	private void publishChanged(Task task, UUID previousGoal, String change) {
		this.events.publishEvent(new TaskChanged(task.getUserId(), task.getId(), task.getGoalId(), previousGoal, change,
				this.clock.instant()));
	}

	private Task find(UserId owner, UUID id) {
		return this.tasks.findByIdAndUserId(id, owner.value()).orElseThrow(() -> new NotFoundException("Task", id));
	}

	private static List<Object> snapshot(Task task) {
		return Arrays.asList(task.getTitle(), task.getNotes(), task.getDueDate(), task.getDueTime(), task.getPriority(),
				task.getStatus(), task.getGoalId(), task.getRecurrence(), task.getSeriesStart(), task.getCompletedAt());
	}

	private static Specification<Task> specification(UserId owner, TaskFilter filter, LocalDate today) {
		return (root, query, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			predicates.add(builder.equal(root.get("userId"), owner.value()));
			if (filter.goalId() != null) {
				predicates.add(builder.equal(root.get("goalId"), filter.goalId()));
			}
			if (filter.status() != null) {
				predicates.add(builder.equal(root.get("status"), TaskStatus.fromWire(filter.status())));
			}
			if (filter.view() != null) {
				predicates.add(root.get("status").in(OPEN));
				switch (filter.view()) {
					case "today" -> predicates.add(builder.equal(root.get("dueDate"), today));
					case "overdue" -> predicates.add(builder.lessThan(root.get("dueDate"), today));
					case "upcoming" -> predicates.add(builder.greaterThan(root.get("dueDate"), today));
					default -> throw ApiException.validation("view", "Use today, overdue or upcoming");
				}
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
	}

	static TaskView toView(Task task) {
		return new TaskView(task.getId(), task.getTitle(), task.getNotes(), task.getDueDate(), task.getDueTime(),
				task.getPriority().wire(), task.getStatus().wire(), task.getGoalId(), task.getRecurrence(),
				task.getSeriesStart(), task.getCompletedAt(), task.getAssignedBy(), task.getCreatedAt(),
				task.getUpdatedAt(), task.getVersion());
	}

	private static String emptyToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * The body of a create (REST and sync).
	 *
	 * @param id an optional client-generated id; a retry with it returns the same task
	 * @param title what to do
	 * @param notes details
	 * @param dueDate the local day it is due; required for a recurring task (the series
	 * start)
	 * @param dueTime an optional local time on the due day
	 * @param priority {@code low}, {@code medium} (default) or {@code high}
	 * @param status {@code todo} (default) or {@code in_progress}
	 * @param goalId one of the user's goals
	 * @param recurrence an RRULE: {@code FREQ=DAILY|WEEKLY|MONTHLY}, {@code INTERVAL},
	 * {@code BYDAY} (weekly), {@code BYMONTHDAY} (monthly), {@code COUNT} or
	 * {@code UNTIL}
	 */
	public record NewTask(UUID id,
			@NotBlank @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
			@Size(max = 4000) String notes, LocalDate dueDate, LocalTime dueTime,
			@Pattern(regexp = "low|medium|high") String priority, @Pattern(regexp = "todo|in_progress") String status,
			UUID goalId, @Size(max = Recurrence.MAX_LENGTH) String recurrence) {
	}

	/**
	 * The body of a partial update (REST {@code PATCH} and sync): only the fields sent
	 * change; {@code null} clears notes, dueDate, dueTime, goalId and recurrence.
	 */
	public record TaskChanges(
			@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
			@Size(max = 4000) String notes, LocalDate dueDate, LocalTime dueTime,
			@Pattern(regexp = "low|medium|high") String priority,
			@Pattern(regexp = "todo|in_progress|done|cancelled") String status, UUID goalId,
			@Size(max = Recurrence.MAX_LENGTH) String recurrence) {
	}

	/**
	 * List filters; each may be {@code null}.
	 *
	 * @param view {@code today}, {@code overdue} or {@code upcoming}: open tasks due
	 * today, before today or after today in the user's calendar
	 * @param goalId tasks of one goal
	 * @param status one status
	 */
	public record TaskFilter(String view, UUID goalId, String status) {
	}

	/**
	 * The outcome of a create.
	 *
	 * @param task the task
	 * @param created whether this call created it (false for a retry)
	 */
	public record Created(TaskView task, boolean created) {
	}

}
