package com.upcoach.goals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import com.upcoach.coaching.CoachAssigned;
import com.upcoach.coaching.CoachAccess;
import com.upcoach.coaching.SharedArea;
import com.upcoach.goals.domain.Goal;
import com.upcoach.goals.domain.GoalHabitLink;
import com.upcoach.goals.domain.GoalHabitLinkRepository;
import com.upcoach.goals.domain.GoalMilestone;
import com.upcoach.goals.domain.GoalMilestoneRepository;
import com.upcoach.goals.domain.GoalPriority;
import com.upcoach.goals.domain.GoalProgressEntry;
import com.upcoach.goals.domain.GoalProgressEntryRepository;
import com.upcoach.goals.domain.GoalRepository;
import com.upcoach.goals.domain.GoalStatus;
import com.upcoach.goals.domain.ProgressMode;
import com.upcoach.goals.domain.ProgressRules;
import com.upcoach.habits.HabitManagement;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.JsonBodies;
import com.upcoach.platform.api.ETags;
import com.upcoach.platform.api.NotFoundException;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import com.upcoach.tasks.GoalTaskCounts;
import com.upcoach.tasks.TaskManagement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The goals module's API: goals with SMART fields, milestones, linked habits, progress
 * and its history, and a coach's view of a client's goals.
 */
@Service
public class GoalManagement {

	static final String GOAL = "goal";

	static final String MILESTONE = "goal_milestone";

	/** The most habits one goal may link. */
	public static final int MAX_HABITS = 20;

	private final GoalRepository goals;

	private final GoalMilestoneRepository milestones;

	private final GoalHabitLinkRepository links;

	private final GoalProgressEntryRepository history;

	private final TaskManagement tasks;

	private final HabitManagement habits;

	private final ChangeLog changeLog;

	private final ObjectProvider<CoachAccess> coachAccess;

	private final JsonBodies json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	GoalManagement(GoalRepository goals, GoalMilestoneRepository milestones, GoalHabitLinkRepository links,
			GoalProgressEntryRepository history, TaskManagement tasks, HabitManagement habits, ChangeLog changeLog,
			ObjectProvider<CoachAccess> coachAccess, JsonBodies json, ApplicationEventPublisher events, Clock clock) {
		this.goals = goals;
		this.habits = habits;
		this.milestones = milestones;
		this.links = links;
		this.history = history;
		this.tasks = tasks;
		this.changeLog = changeLog;
		this.coachAccess = coachAccess;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Create a goal. A retry with the same client-generated id returns the goal it
	 * created ({@link Created#created()} false); an id of another user's or a deleted
	 * goal answers {@code CONFLICT}.
	 */
	@Transactional
	public Created create(UserId owner, NewGoal request) {
		return create(owner, request, null);
	}

	/**
	 * A coach assigns a goal to a client who shares their goals with the coach.
	 */
	@Transactional
	public Created assign(UserId coach, UserId client, NewGoal request) {
		if (!access().canAssign(coach, client, SharedArea.GOALS)) {
			throw new NotFoundException("Client", client);
		}
		Created created = create(client, request, coach.value());
		if (created.created()) {
			this.events.publishEvent(new CoachAssigned(client.value(), coach.value(), "goal", created.goal().id(),
					created.goal().title(), this.clock.instant()));
		}
		return created;
	}

	private Created create(UserId owner, NewGoal request, UUID assignedBy) {
		this.json.validate(request);
		long seq = this.changeLog.next(owner);
		UUID id = (request.id() != null) ? request.id() : UUID.randomUUID();
		Optional<Goal> existing = this.goals.findById(id);
		if (existing.isPresent()) {
			if (!existing.get().getUserId().equals(owner.value())) {
				throw ApiException.conflict("The id " + id + " is already in use");
			}
			return new Created(toView(existing.get()), false);
		}
		if (this.changeLog.isDeleted(GOAL, id)) {
			throw ApiException.conflict("The goal " + id + " was deleted; create it with a new id");
		}
		ProgressMode mode = (request.progressMode() != null) ? ProgressMode.fromWire(request.progressMode())
				: ProgressMode.MILESTONES;
		Goal goal = new Goal(id, owner, seq, request.title().strip(), mode, assignedBy);
		goal.setWhy(emptyToNull(request.why()));
		goal.setMeasure(emptyToNull(request.measure()));
		goal.setUnit(emptyToNull(request.unit()));
		goal.setCategory(emptyToNull(request.category()));
		goal.setTargetDate(request.targetDate());
		goal.setTargetValue(request.targetValue());
		goal.setCurrentValue(request.currentValue());
		goal.setStartValue((request.startValue() != null) ? request.startValue() : request.currentValue());
		if (request.priority() != null) {
			goal.setPriority(GoalPriority.fromWire(request.priority()));
		}
		if (request.status() != null) {
			goal.setStatus(GoalStatus.fromWire(request.status()));
		}
		requireMeasurable(goal);
		goal.setProgress(compute(goal));
		Goal saved = this.goals.saveAndFlush(goal);
		this.history.save(new GoalProgressEntry(owner.value(), id, this.clock.instant(), saved.getProgress(),
				saved.getCurrentValue(), "created"));
		return new Created(toView(saved), true);
	}

	@Transactional(readOnly = true)
	public GoalView get(UserId owner, UUID id) {
		return toView(find(owner, id));
	}

	/**
	 * The user's goals, optionally of one status and category.
	 */
	@Transactional(readOnly = true)
	public Page<GoalView> list(UserId owner, String status, String category, Pageable pageable) {
		Page<Goal> page = this.goals.search(owner.value(), (status != null) ? GoalStatus.fromWire(status) : null,
				category, pageable);
		Map<UUID, List<UUID>> habits = habitsOf(page.getContent().stream().map(Goal::getId).toList());
		return page.map((goal) -> toView(goal, habits.getOrDefault(goal.getId(), List.of())));
	}

	/**
	 * A coach's read-only view of a client's goals; 404 unless the client shares goals.
	 */
	@Transactional(readOnly = true)
	public Page<GoalView> clientGoals(UserId coach, UserId client, String status, String category, Pageable pageable) {
		requireView(coach, client);
		return list(client, status, category, pageable);
	}

	@Transactional(readOnly = true)
	public GoalView clientGoal(UserId coach, UserId client, UUID goalId) {
		requireView(coach, client);
		return get(client, goalId);
	}

	@Transactional(readOnly = true)
	public Page<MilestoneView> clientMilestones(UserId coach, UserId client, UUID goalId, Pageable pageable) {
		requireView(coach, client);
		return milestones(client, goalId, pageable);
	}

	/**
	 * Change the fields present in {@code patch} (REST {@code PATCH} and sync: a field
	 * sent as {@code null} clears it). Status changes follow {@link GoalStatus}; marking
	 * a goal completed announces it once.
	 * @param ifMatch the client's {@code If-Match}, checked against the current version
	 */
	@Transactional
	public GoalView update(UserId owner, UUID id, JsonNode patch, String ifMatch) {
		JsonBodies.Patch<GoalChanges> changes = this.json.patch(patch, GoalChanges.class);
		long seq = this.changeLog.next(owner);
		Goal goal = find(owner, id);
		ETags.checkIfMatch(ifMatch, goal.getVersion());
		List<Object> before = snapshot(goal);
		GoalChanges values = changes.value();
		if (changes.has("title")) {
			goal.setTitle(required("title", values.title()).strip());
		}
		if (changes.has("why")) {
			goal.setWhy(emptyToNull(values.why()));
		}
		if (changes.has("measure")) {
			goal.setMeasure(emptyToNull(values.measure()));
		}
		if (changes.has("progressMode")) {
			goal.setProgressMode(ProgressMode.fromWire(required("progressMode", values.progressMode())));
		}
		if (changes.has("startValue")) {
			goal.setStartValue(values.startValue());
		}
		if (changes.has("targetValue")) {
			goal.setTargetValue(values.targetValue());
		}
		if (changes.has("currentValue")) {
			goal.setCurrentValue(values.currentValue());
		}
		if (changes.has("unit")) {
			goal.setUnit(emptyToNull(values.unit()));
		}
		if (changes.has("targetDate")) {
			goal.setTargetDate(values.targetDate());
		}
		if (changes.has("category")) {
			goal.setCategory(emptyToNull(values.category()));
		}
		if (changes.has("priority")) {
			goal.setPriority(GoalPriority.fromWire(required("priority", values.priority())));
		}
		requireMeasurable(goal);
		boolean announce = false;
		if (changes.has("status")) {
			GoalStatus next = GoalStatus.fromWire(required("status", values.status()));
			if (!goal.getStatus().canBecome(next)) {
				throw ApiException
					.conflict("A " + goal.getStatus().wire() + " goal cannot become " + next.wire() + "; allowed: "
							+ goal.getStatus()
								.allowedNext()
								.stream()
								.map(GoalStatus::wire)
								.sorted()
								.collect(Collectors.joining(", ")));
			}
			if (next == GoalStatus.COMPLETED && goal.getStatus() != GoalStatus.COMPLETED) {
				announce = goal.complete(this.clock.instant());
			}
			else {
				goal.setStatus(next);
			}
		}
		boolean valueChanged = !Objects.equals(before.get(6), snapshot(goal).get(6));
		boolean changed = !before.equals(snapshot(goal));
		if (!changed) {
			return toView(goal);
		}
		goal.stamp(seq);
		String source = valueChanged ? "measurement" : "goal";
		announce |= refresh(goal, source, valueChanged);
		if (announce) {
			announceCompleted(goal);
		}
		return toView(this.goals.saveAndFlush(goal));
	}

	@Transactional
	public void delete(UserId owner, UUID id) {
		this.changeLog.next(owner);
		Goal goal = find(owner, id);
		for (GoalMilestone milestone : this.milestones.findByGoalId(id)) {
			this.changeLog.deleted(owner, MILESTONE, milestone.getId(), milestone.getVersion());
			this.milestones.delete(milestone);
		}
		this.changeLog.deleted(owner, GOAL, id, goal.getVersion());
		this.goals.delete(goal);
		this.goals.flush();
		this.tasks.detachGoal(owner, id);
	}

	/**
	 * Replace the set of habits linked to the goal: only the owner's own habits, each
	 * counted with its strength from the moment it is linked.
	 */
	@Transactional
	public GoalView linkHabits(UserId owner, UUID id, List<UUID> habitIds) {
		long seq = this.changeLog.next(owner);
		Goal goal = find(owner, id);
		Set<UUID> wanted = new LinkedHashSet<>(habitIds);
		if (wanted.size() > MAX_HABITS) {
			throw ApiException.validation("habitIds", "A goal links at most " + MAX_HABITS + " habits");
		}
		List<GoalHabitLink> current = this.links.findByGoalId(id);
		Set<UUID> existing = current.stream().map(GoalHabitLink::getHabitId).collect(Collectors.toSet());
		if (existing.equals(wanted)) {
			return toView(goal);
		}
		current.stream().filter((link) -> !wanted.contains(link.getHabitId())).forEach(this.links::delete);
		Instant now = this.clock.instant();
		for (UUID habitId : wanted) {
			if (!existing.contains(habitId)) {
				// Only the owner's own habits; a linked habit counts with its strength
				// now,
				// later events keep it current.
				double strength = this.habits.get(owner, habitId).strength();
				GoalHabitLink link = new GoalHabitLink(owner.value(), id, habitId);
				link.report(strength, now);
				this.links.save(link);
			}
		}
		this.links.flush();
		goal.stamp(seq);
		if (refresh(goal, "habit", false)) {
			announceCompleted(goal);
		}
		return toView(this.goals.saveAndFlush(goal));
	}

	@Transactional(readOnly = true)
	public Page<MilestoneView> milestones(UserId owner, UUID goalId, Pageable pageable) {
		find(owner, goalId);
		return this.milestones.findByGoalId(goalId, pageable).map(GoalManagement::toView);
	}

	/**
	 * Add a milestone. A retry with the same client-generated id returns it.
	 */
	@Transactional
	public CreatedMilestone createMilestone(UserId owner, UUID goalId, NewMilestone request) {
		this.json.validate(request);
		long seq = this.changeLog.next(owner);
		Goal goal = find(owner, goalId);
		UUID id = (request.id() != null) ? request.id() : UUID.randomUUID();
		Optional<GoalMilestone> existing = this.milestones.findById(id);
		if (existing.isPresent()) {
			if (!existing.get().getUserId().equals(owner.value()) || !existing.get().getGoalId().equals(goalId)) {
				throw ApiException.conflict("The id " + id + " is already in use");
			}
			return new CreatedMilestone(toView(existing.get()), false);
		}
		if (this.changeLog.isDeleted(MILESTONE, id)) {
			throw ApiException.conflict("The milestone " + id + " was deleted; create it with a new id");
		}
		GoalMilestone milestone = new GoalMilestone(id, owner, seq, goalId, request.title().strip());
		milestone.setDueDate(request.dueDate());
		boolean reached = Boolean.TRUE.equals(request.completed())
				&& milestone.setCompleted(true, this.clock.instant());
		GoalMilestone saved = this.milestones.saveAndFlush(milestone);
		if (reached) {
			announceReached(saved);
		}
		refreshAndSave(owner, goal, "milestone");
		return new CreatedMilestone(toView(saved), true);
	}

	/**
	 * Change a milestone's title, due date or completion; completing it the first time
	 * announces it.
	 */
	@Transactional
	public MilestoneView updateMilestone(UserId owner, UUID goalId, UUID milestoneId, JsonNode patch, String ifMatch) {
		JsonBodies.Patch<MilestoneChanges> changes = this.json.patch(patch, MilestoneChanges.class);
		long seq = this.changeLog.next(owner);
		Goal goal = find(owner, goalId);
		GoalMilestone milestone = findMilestone(owner, goalId, milestoneId);
		ETags.checkIfMatch(ifMatch, milestone.getVersion());
		List<Object> before = Arrays.asList(milestone.getTitle(), milestone.getDueDate(), milestone.isCompleted());
		MilestoneChanges values = changes.value();
		if (changes.has("title")) {
			milestone.setTitle(required("title", values.title()).strip());
		}
		if (changes.has("dueDate")) {
			milestone.setDueDate(values.dueDate());
		}
		boolean reached = false;
		if (changes.has("completed") && required("completed", values.completed()) != milestone.isCompleted()) {
			reached = milestone.setCompleted(values.completed(), this.clock.instant());
		}
		if (before.equals(Arrays.asList(milestone.getTitle(), milestone.getDueDate(), milestone.isCompleted()))) {
			return toView(milestone);
		}
		milestone.stamp(seq);
		GoalMilestone saved = this.milestones.saveAndFlush(milestone);
		if (reached) {
			announceReached(saved);
		}
		refreshAndSave(owner, goal, "milestone");
		return toView(saved);
	}

	@Transactional
	public void deleteMilestone(UserId owner, UUID goalId, UUID milestoneId) {
		this.changeLog.next(owner);
		Goal goal = find(owner, goalId);
		GoalMilestone milestone = findMilestone(owner, goalId, milestoneId);
		this.changeLog.deleted(owner, MILESTONE, milestoneId, milestone.getVersion());
		this.milestones.delete(milestone);
		this.milestones.flush();
		refreshAndSave(owner, goal, "milestone");
	}

	/**
	 * The goal's progress history, newest first by default.
	 */
	@Transactional(readOnly = true)
	public Page<ProgressPoint> progressHistory(UserId owner, UUID goalId, Pageable pageable) {
		find(owner, goalId);
		return this.history.findByGoalId(goalId, pageable)
			.map((entry) -> new ProgressPoint(entry.getRecordedAt(), entry.getProgress(), entry.getValue(),
					entry.getSource()));
	}

	/**
	 * The user's active goals with their progress, for the progress dashboard: one SQL
	 * statement whatever the number of goals. Ordered by target date (none last), then
	 * creation.
	 */
	@Transactional(readOnly = true)
	public List<ActiveGoal> activeGoals(UserId owner) {
		return this.goals.findByUserIdAndStatusOrderByTargetDateAscCreatedAtAsc(owner.value(), GoalStatus.ACTIVE)
			.stream()
			.map((goal) -> new ActiveGoal(goal.getId(), goal.getTitle(), goal.getProgressMode().wire(),
					goal.getProgress(), goal.getTargetDate(), goal.getPriority().wire(), goal.getCategory()))
			.toList();
	}

	/**
	 * @return whether the goal belongs to the user
	 */
	@Transactional(readOnly = true)
	public boolean isGoalOf(UserId owner, UUID goalId) {
		return this.goals.existsByIdAndUserId(goalId, owner.value());
	}

	/**
	 * @return whether the user has any goal (demo seeding checks it)
	 */
	@Transactional(readOnly = true)
	public boolean hasGoals(UserId owner) {
		return this.goals.existsByUserId(owner.value());
	}

	/**
	 * A linked habit reported a new strength: update every goal that links it.
	 */
	@Transactional
	public void habitStrength(UserId owner, UUID habitId, double strength, Instant at) {
		if (!this.links.existsByUserIdAndHabitId(owner.value(), habitId)) {
			return;
		}
		// Lock the owner's sequence before reading, so concurrent listeners queue
		// instead of overwriting each other's progress.
		this.changeLog.next(owner);
		List<GoalHabitLink> linked = this.links.findByUserIdAndHabitId(owner.value(), habitId);
		List<UUID> changed = linked.stream()
			.filter((link) -> link.report(strength, at))
			.map(GoalHabitLink::getGoalId)
			.toList();
		if (changed.isEmpty()) {
			return;
		}
		this.links.flush();
		for (UUID goalId : changed) {
			this.goals.findByIdAndUserId(goalId, owner.value())
				.filter((goal) -> goal.getProgressMode() == ProgressMode.LINKED)
				.ifPresent((goal) -> refreshAndSave(owner, goal, "habit"));
		}
	}

	/**
	 * A habit was deleted: unlink it everywhere.
	 */
	@Transactional
	public void habitDeleted(UserId owner, UUID habitId) {
		if (!this.links.existsByUserIdAndHabitId(owner.value(), habitId)) {
			return;
		}
		this.changeLog.next(owner);
		List<GoalHabitLink> linked = this.links.findByUserIdAndHabitId(owner.value(), habitId);
		this.links.deleteAll(linked);
		this.links.flush();
		for (GoalHabitLink link : linked) {
			this.goals.findByIdAndUserId(link.getGoalId(), owner.value())
				.ifPresent((goal) -> refreshAndSave(owner, goal, "habit"));
		}
	}

	/**
	 * Tasks of these goals changed: recompute the progress of those counting tasks.
	 */
	@Transactional
	public void tasksChanged(UserId owner, Collection<UUID> goalIds) {
		List<UUID> ids = goalIds.stream().filter(Objects::nonNull).distinct().toList();
		if (ids.isEmpty()
				|| !this.goals.existsByUserIdAndProgressModeAndIdIn(owner.value(), ProgressMode.LINKED, ids)) {
			return;
		}
		this.changeLog.next(owner);
		List<Goal> affected = ids.stream()
			.map((goalId) -> this.goals.findByIdAndUserId(goalId, owner.value()))
			.flatMap(Optional::stream)
			.filter((goal) -> goal.getProgressMode() == ProgressMode.LINKED)
			.toList();
		affected.forEach((goal) -> refreshAndSave(owner, goal, "task"));
	}

	/**
	 * Record a past measurement with its own time: demo data and imports.
	 */
	@Transactional
	public void recordHistory(UserId owner, UUID goalId, Instant at, double progress, BigDecimal value, String source) {
		find(owner, goalId);
		this.history.save(new GoalProgressEntry(owner.value(), goalId, at, progress, value, source));
	}

	/**
	 * @return when the user's goals last changed, if ever
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> lastActivity(UserId owner) {
		return this.goals.lastUpdate(owner.value());
	}

	List<Goal> goalsChangedSince(UserId owner, long after, int limit) {
		return this.goals.findByUserIdAndSyncSeqGreaterThanOrderBySyncSeq(owner.value(), after, Limit.of(limit));
	}

	List<GoalMilestone> milestonesChangedSince(UserId owner, long after, int limit) {
		return this.milestones.findByUserIdAndSyncSeqGreaterThanOrderBySyncSeq(owner.value(), after, Limit.of(limit));
	}

	Optional<Goal> findAnyGoal(UUID id) {
		return this.goals.findById(id);
	}

	Optional<GoalMilestone> findAnyMilestone(UUID id) {
		return this.milestones.findById(id);
	}

	List<Goal> activeGoalEntities(UserId owner) {
		return this.goals.findByUserIdAndStatusOrderByTargetDateAscCreatedAtAsc(owner.value(), GoalStatus.ACTIVE);
	}

	// Recompute, stamp with a fresh sequence number when anything changed, save.
	private void refreshAndSave(UserId owner, Goal goal, String source) {
		double progressBefore = goal.getProgress();
		GoalStatus statusBefore = goal.getStatus();
		boolean announce = refresh(goal, source, false);
		if (goal.getProgress() != progressBefore || goal.getStatus() != statusBefore) {
			goal.stamp(this.changeLog.next(owner));
			this.goals.saveAndFlush(goal);
		}
		if (announce) {
			announceCompleted(goal);
		}
	}

	/**
	 * Recompute the progress; append to the history when it (or the measured value)
	 * changed; complete an active goal whose progress has just reached 100 %.
	 * @return whether the goal completed for the first time
	 */
	private boolean refresh(Goal goal, String source, boolean valueChanged) {
		double previous = goal.getProgress();
		double progress = compute(goal);
		if (progress == previous && !valueChanged) {
			return false;
		}
		goal.setProgress(progress);
		this.history.save(new GoalProgressEntry(goal.getUserId(), goal.getId(), this.clock.instant(), progress,
				goal.getCurrentValue(), source));
		if (progress >= 100 && previous < 100 && goal.getStatus() == GoalStatus.ACTIVE) {
			return goal.complete(this.clock.instant());
		}
		return false;
	}

	private double compute(Goal goal) {
		return switch (goal.getProgressMode()) {
			case MILESTONES -> {
				Object[] counts = this.milestones.counts(goal.getId()).get(0);
				yield ProgressRules.milestones(((Number) counts[1]).longValue(), ((Number) counts[0]).longValue());
			}
			case LINKED -> {
				List<Double> strengths = this.links.findByGoalId(goal.getId())
					.stream()
					.map(GoalHabitLink::getStrength)
					.toList();
				GoalTaskCounts counts = goal.isNew() ? new GoalTaskCounts(0, 0)
						: this.tasks.countsForGoal(goal.owner(), goal.getId());
				yield ProgressRules.linked(strengths, counts.done(), counts.total());
			}
			case MEASURED ->
				ProgressRules.measured(goal.getStartValue(), goal.getTargetValue(), goal.getCurrentValue());
		};
	}

	private void announceCompleted(Goal goal) {
		this.events
			.publishEvent(new GoalCompleted(goal.getUserId(), goal.getId(), goal.getTitle(), this.clock.instant()));
	}

	private void announceReached(GoalMilestone milestone) {
		this.events.publishEvent(new MilestoneReached(milestone.getUserId(), milestone.getGoalId(), milestone.getId(),
				milestone.getTitle(), this.clock.instant()));
	}

	private static void requireMeasurable(Goal goal) {
		if (goal.getProgressMode() == ProgressMode.MEASURED && goal.getTargetValue() == null) {
			throw ApiException.validation("targetValue", "A measured goal needs a target value");
		}
	}

	private static <T> T required(String field, T value) {
		if (value == null) {
			throw ApiException.validation(field, "must not be null");
		}
		return value;
	}

	private void requireView(UserId coach, UserId client) {
		if (!access().canView(coach, client, SharedArea.GOALS)) {
			throw new NotFoundException("Client", client);
		}
	}

	private CoachAccess access() {
		return this.coachAccess.getIfAvailable(() -> (coach, client, area) -> false);
	}

	private Goal find(UserId owner, UUID id) {
		return this.goals.findByIdAndUserId(id, owner.value()).orElseThrow(() -> new NotFoundException("Goal", id));
	}

	private GoalMilestone findMilestone(UserId owner, UUID goalId, UUID milestoneId) {
		return this.milestones.findByIdAndUserId(milestoneId, owner.value())
			.filter((milestone) -> milestone.getGoalId().equals(goalId))
			.orElseThrow(() -> new NotFoundException("Milestone", milestoneId));
	}

	private Map<UUID, List<UUID>> habitsOf(Collection<UUID> goalIds) {
		if (goalIds.isEmpty()) {
			return Map.of();
		}
		return this.links.findByGoalIdIn(goalIds)
			.stream()
			.collect(Collectors.groupingBy(GoalHabitLink::getGoalId,
					Collectors.mapping(GoalHabitLink::getHabitId, Collectors.toList())));
	}

	GoalView toView(Goal goal) {
		return toView(goal, this.links.findByGoalId(goal.getId()).stream().map(GoalHabitLink::getHabitId).toList());
	}

	List<GoalView> toViews(List<Goal> goals) {
		Map<UUID, List<UUID>> habits = habitsOf(goals.stream().map(Goal::getId).toList());
		return goals.stream().map((goal) -> toView(goal, habits.getOrDefault(goal.getId(), List.of()))).toList();
	}

	private static GoalView toView(Goal goal, List<UUID> habitIds) {
		return new GoalView(goal.getId(), goal.getTitle(), goal.getWhy(), goal.getMeasure(),
				goal.getProgressMode().wire(), goal.getStartValue(), goal.getTargetValue(), goal.getCurrentValue(),
				goal.getUnit(), goal.getTargetDate(), goal.getCategory(), goal.getPriority().wire(),
				goal.getStatus().wire(), goal.getProgress(), goal.getCompletedAt(), new ArrayList<>(habitIds),
				goal.getAssignedBy(), goal.getCreatedAt(), goal.getUpdatedAt(), goal.getVersion());
	}

	static MilestoneView toView(GoalMilestone milestone) {
		return new MilestoneView(milestone.getId(), milestone.getGoalId(), milestone.getTitle(), milestone.getDueDate(),
				milestone.isCompleted(), milestone.getCompletedAt(), milestone.getCreatedAt(), milestone.getUpdatedAt(),
				milestone.getVersion());
	}

	private static List<Object> snapshot(Goal goal) {
		return Arrays.asList(goal.getTitle(), goal.getWhy(), goal.getMeasure(), goal.getProgressMode(),
				normalised(goal.getStartValue()), normalised(goal.getTargetValue()), normalised(goal.getCurrentValue()),
				goal.getUnit(), goal.getTargetDate(), goal.getCategory(), goal.getPriority(), goal.getStatus());
	}

	private static BigDecimal normalised(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros() : null;
	}

	private static String emptyToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * The body of a create (REST and sync).
	 *
	 * @param id an optional client-generated id; a retry with it returns the same goal
	 * @param title what to achieve
	 * @param why why it matters
	 * @param measure how success is measured
	 * @param progressMode {@code milestones} (default), {@code linked} or
	 * {@code measured}
	 * @param startValue where a measured goal starts (default: the current value)
	 * @param targetValue the value to reach (required for measured goals)
	 * @param currentValue the value now
	 * @param unit the unit of the values
	 * @param targetDate the day it should be reached
	 * @param category a free category
	 * @param priority {@code low}, {@code medium} (default) or {@code high}
	 * @param status {@code active} (default) or {@code paused}
	 */
	public record NewGoal(UUID id,
			@NotBlank @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
			@Size(max = 2000) String why, @Size(max = 500) String measure,
			@Pattern(regexp = "milestones|linked|measured") String progressMode,
			@Digits(integer = 15, fraction = 4) BigDecimal startValue,
			@Digits(integer = 15, fraction = 4) BigDecimal targetValue,
			@Digits(integer = 15, fraction = 4) BigDecimal currentValue, @Size(max = 40) String unit,
			LocalDate targetDate, @Size(max = 60) String category, @Pattern(regexp = "low|medium|high") String priority,
			@Pattern(regexp = "active|paused") String status) {
	}

	/**
	 * The body of a partial update: only the fields sent change; {@code null} clears the
	 * optional ones.
	 */
	public record GoalChanges(
			@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
			@Size(max = 2000) String why, @Size(max = 500) String measure,
			@Pattern(regexp = "milestones|linked|measured") String progressMode,
			@Digits(integer = 15, fraction = 4) BigDecimal startValue,
			@Digits(integer = 15, fraction = 4) BigDecimal targetValue,
			@Digits(integer = 15, fraction = 4) BigDecimal currentValue, @Size(max = 40) String unit,
			LocalDate targetDate, @Size(max = 60) String category, @Pattern(regexp = "low|medium|high") String priority,
			@Pattern(regexp = "active|paused|completed|abandoned") String status) {
	}

	/**
	 * The body of a milestone create.
	 *
	 * @param id an optional client-generated id
	 * @param title the step
	 * @param dueDate when it is due
	 * @param completed whether it is already reached
	 */
	public record NewMilestone(UUID id,
			@NotBlank @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
			LocalDate dueDate, Boolean completed) {
	}

	/**
	 * The body of a milestone's partial update.
	 */
	public record MilestoneChanges(
			@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
			LocalDate dueDate, Boolean completed) {
	}

	/**
	 * The habits to link.
	 *
	 * @param habitIds the habits, replacing the linked set
	 */
	public record HabitLinks(@NotNull @Size(max = MAX_HABITS) List<@NotNull UUID> habitIds) {
	}

	/**
	 * The outcome of a create.
	 *
	 * @param goal the goal
	 * @param created whether this call created it (false for a retry)
	 */
	public record Created(GoalView goal, boolean created) {
	}

	/**
	 * The outcome of a milestone create.
	 *
	 * @param milestone the milestone
	 * @param created whether this call created it
	 */
	public record CreatedMilestone(MilestoneView milestone, boolean created) {
	}

}
