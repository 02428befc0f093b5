package com.upcoach.habits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import tools.jackson.databind.node.ObjectNode;

import com.upcoach.habits.domain.Habit;
import com.upcoach.habits.domain.HabitEvaluation;
import com.upcoach.habits.domain.HabitGroup;
import com.upcoach.habits.domain.HabitGroupRepository;
import com.upcoach.habits.domain.HabitLog;
import com.upcoach.habits.domain.HabitLogRepository;
import com.upcoach.habits.domain.HabitRepository;
import com.upcoach.habits.domain.LogStatus;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.JsonBodies;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncOperation;
import com.upcoach.sync.SyncParticipant;
import com.upcoach.sync.SyncResult;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offline sync of habits, habit groups and check-ins. Creates, updates and deletes go
 * through {@link HabitManagement}, so they validate like the REST API. Check-ins merge by
 * day: a create for a day that already has a check-in under another id is a duplicate
 * (yes/no) or last-writer-wins on the value (numeric).
 */
@Component
class HabitSync implements SyncParticipant {

	private final HabitManagement habits;

	private final HabitRepository habitRows;

	private final HabitGroupRepository groupRows;

	private final HabitLogRepository logRows;

	private final ChangeLog changeLog;

	private final JsonBodies bodies;

	HabitSync(HabitManagement habits, HabitRepository habitRows, HabitGroupRepository groupRows,
			HabitLogRepository logRows, ChangeLog changeLog, JsonBodies bodies) {
		this.habits = habits;
		this.habitRows = habitRows;
		this.groupRows = groupRows;
		this.logRows = logRows;
		this.changeLog = changeLog;
		this.bodies = bodies;
	}

	@Override
	public Set<String> types() {
		return Set.of(HabitManagement.HABIT, HabitManagement.GROUP, HabitManagement.CHECK_IN);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SyncChange> changesSince(UserId user, long after, int limit) {
		PageRequest first = PageRequest.of(0, limit);
		List<SyncChange> changes = new ArrayList<>();
		List<Habit> habitList = this.habitRows.findByUserIdAndSyncSeqGreaterThanOrderBySyncSeqAsc(user.value(), after,
				first);
		List<HabitGroup> groupList = this.groupRows.findByUserIdAndSyncSeqGreaterThanOrderBySyncSeqAsc(user.value(),
				after, first);
		List<HabitLog> logList = this.logRows.findByUserIdAndSyncSeqGreaterThanOrderBySyncSeqAsc(user.value(), after,
				first);
		LocalDate today = this.habits.todayOf(user);
		Map<UUID, HabitEvaluation> evaluations = this.habits.evaluate(user, habitList, today);
		for (Habit habit : habitList) {
			changes.add(SyncChange.upsert(HabitManagement.HABIT, habit.getId(), habit.getSyncSeq(), habit.getVersion(),
					habit.getUpdatedAt(), this.habits.view(habit, evaluations.get(habit.getId()))));
		}
		if (!groupList.isEmpty()) {
			Map<UUID, HabitGroupView> views = this.habits.groupViews(user, groupList)
				.stream()
				.collect(Collectors.toMap(HabitGroupView::id, Function.identity()));
			for (HabitGroup group : groupList) {
				changes.add(SyncChange.upsert(HabitManagement.GROUP, group.getId(), group.getSyncSeq(),
						group.getVersion(), group.getUpdatedAt(), views.get(group.getId())));
			}
		}
		if (!logList.isEmpty()) {
			Map<UUID, Habit> owners = this.habitRows
				.findAllById(logList.stream().map(HabitLog::getHabitId).collect(Collectors.toSet()))
				.stream()
				.collect(Collectors.toMap(Habit::getId, Function.identity()));
			for (HabitLog log : logList) {
				changes.add(SyncChange.upsert(HabitManagement.CHECK_IN, log.getId(), log.getSyncSeq(), log.getVersion(),
						log.getUpdatedAt(),
						HabitManagement.checkInView(log, owners.get(log.getHabitId()).spec(List.of()))));
			}
		}
		changes.sort(Comparator.comparingLong(SyncChange::seq));
		return (changes.size() > limit) ? List.copyOf(changes.subList(0, limit)) : changes;
	}

	@Override
	@Transactional
	public SyncResult apply(UserId user, SyncOperation operation) {
		if (operation.id() == null) {
			throw ApiException.validation("id", "is required");
		}
		return switch (operation.type()) {
			case HabitManagement.HABIT -> applyHabit(user, operation);
			case HabitManagement.GROUP -> applyGroup(user, operation);
			case HabitManagement.CHECK_IN -> applyCheckIn(user, operation);
			default -> throw ApiException.validation("type", "unknown type " + operation.type());
		};
	}

	private SyncResult applyHabit(UserId user, SyncOperation op) {
		UUID id = op.id();
		Supplier<Optional<Current>> current = () -> this.habitRows.findByIdAndUserId(id, user.value())
			.map((habit) -> current(this.habits.get(user, id), habit.getUpdatedAt()));
		return switch (op.action()) {
			case CREATE -> create(op, current, this.habitRows.existsById(id), () -> {
				HabitForms.NewHabit form = this.bodies.read(op.data(), HabitForms.NewHabit.class);
				HabitForms.NewHabit request = new HabitForms.NewHabit(id, form.name(), form.description(), form.icon(),
						form.colour(), form.kind(), form.unit(), form.target(), form.targetType(), form.schedule(),
						form.startDate(), form.reminders(), form.groupId());
				HabitView view = this.habits.create(user, request).view();
				return current(view, view.updatedAt());
			});
			case UPDATE -> update(op, current, () -> {
				HabitView view = this.habits.update(user, id,
						this.bodies.read(op.data(), HabitForms.HabitChanges.class), null);
				return current(view, view.updatedAt());
			});
			case DELETE -> delete(op, current, () -> this.habits.delete(user, id));
		};
	}

	private SyncResult applyGroup(UserId user, SyncOperation op) {
		UUID id = op.id();
		Supplier<Optional<Current>> current = () -> this.groupRows.findByIdAndUserId(id, user.value())
			.map((group) -> current(this.habits.group(user, id), group.getUpdatedAt()));
		return switch (op.action()) {
			case CREATE -> create(op, current, this.groupRows.existsById(id), () -> {
				HabitForms.NewGroup form = this.bodies.read(op.data(), HabitForms.NewGroup.class);
				HabitGroupView view = this.habits
					.createGroup(user, new HabitForms.NewGroup(id, form.name(), form.colour()))
					.view();
				return current(view, view.updatedAt());
			});
			case UPDATE -> update(op, current, () -> {
				HabitGroupView view = this.habits.updateGroup(user, id,
						this.bodies.read(op.data(), HabitForms.GroupChanges.class), null);
				return current(view, view.updatedAt());
			});
			case DELETE -> delete(op, current, () -> this.habits.deleteGroup(user, id));
		};
	}

	private SyncResult applyCheckIn(UserId user, SyncOperation op) {
		UUID id = op.id();
		Supplier<Optional<Current>> current = () -> this.logRows.findByIdAndUserId(id, user.value())
			.map((log) -> current(this.habits.checkIn(user, log.getHabitId(), id), log.getUpdatedAt()));
		return switch (op.action()) {
			case CREATE -> create(op, current, this.logRows.existsById(id), () -> createCheckIn(user, op));
			case UPDATE -> update(op, current, () -> {
				UUID habitId = this.logRows.findByIdAndUserId(id, user.value()).orElseThrow().getHabitId();
				CheckInView view = this.habits.updateCheckIn(user, habitId, id,
						this.bodies.read(op.data(), HabitForms.CheckInChanges.class), null);
				return current(view, view.updatedAt());
			});
			case DELETE -> delete(op, current, () -> {
				UUID habitId = this.logRows.findByIdAndUserId(id, user.value()).orElseThrow().getHabitId();
				this.habits.deleteCheckIn(user, habitId, id);
			});
		};
	}

	/**
	 * A check-in create carries {@code habitId} beside the REST body. A day that already
	 * has a check-in under another id merges: yes/no → duplicate; numeric → the later
	 * writer (by clientUpdatedAt) wins.
	 */
	private Object createCheckIn(UserId user, SyncOperation op) {
		if (!(op.data() instanceof ObjectNode data) || !data.hasNonNull("habitId")) {
			throw ApiException.validation("data.habitId", "is required");
		}
		ObjectNode body = data.deepCopy();
		UUID habitId;
		try {
			habitId = UUID.fromString(body.remove("habitId").asString());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation("data.habitId", "is not a valid id");
		}
		HabitForms.NewCheckIn form = this.bodies.read(body, HabitForms.NewCheckIn.class);
		Habit habit = this.habits.habit(user, habitId);
		LocalDate day = (form.date() != null) ? form.date() : this.habits.todayOf(user);
		Optional<HabitLog> sameDay = this.logRows.findByHabitIdAndDay(habitId, day);
		// A day kept by a streak freeze is replaced by the client's check-in.
		if (sameDay.isPresent() && sameDay.get().status() != LogStatus.FROZEN
				&& !Boolean.TRUE.equals(form.increment())) {
			HabitLog existing = sameDay.get();
			CheckInView server = this.habits.checkIn(user, habitId, existing.getId());
			if (!habit.numeric()) {
				return SyncResult.duplicate(server.version(), server);
			}
			Instant clientTime = op.clientUpdatedAt();
			if (clientTime == null || !clientTime.isAfter(existing.getUpdatedAt())) {
				return SyncResult.conflict(server.version(), server,
						"The day already has a newer check-in on the server");
			}
			CheckInView merged = this.habits.updateCheckIn(user, habitId, existing.getId(),
					new HabitForms.CheckInChanges(Boolean.TRUE.equals(form.skipped()) ? null : form.value(),
							form.note(), form.skipped()),
					null);
			return SyncResult.applied(merged.version(), merged);
		}
		CheckInView view = this.habits
			.checkIn(user, habitId,
					new HabitForms.NewCheckIn(op.id(), form.date(), form.value(), form.note(), form.skipped(),
							form.increment()))
			.view();
		return current(view, view.updatedAt());
	}

	private SyncResult create(SyncOperation op, Supplier<Optional<Current>> current, boolean idTaken,
			Supplier<Object> create) {
		Optional<Current> mine = current.get();
		if (mine.isPresent()) {
			return SyncResult.duplicate(mine.get().version(), mine.get().view());
		}
		if (this.changeLog.isDeleted(op.type(), op.id())) {
			return SyncResult.conflict(null, null, "It was deleted on the server");
		}
		if (idTaken) {
			return SyncResult.rejected(ErrorCode.NOT_FOUND.name(), "This id belongs to another resource", List.of());
		}
		Object result = create.get();
		if (result instanceof SyncResult merged) {
			return merged;
		}
		Current created = (Current) result;
		return SyncResult.applied(created.version(), created.view());
	}

	private SyncResult update(SyncOperation op, Supplier<Optional<Current>> current, Supplier<Current> apply) {
		Optional<Current> found = current.get();
		if (found.isEmpty()) {
			return gone(op);
		}
		Current before = found.get();
		if (op.losesTo(before.version(), before.updatedAt())) {
			return SyncResult.conflict(before.version(), before.view(), "It changed on the server since");
		}
		Current after = apply.get();
		if (after.version() == before.version()) {
			return SyncResult.duplicate(after.version(), after.view());
		}
		return SyncResult.applied(after.version(), after.view());
	}

	private SyncResult delete(SyncOperation op, Supplier<Optional<Current>> current, Runnable delete) {
		Optional<Current> found = current.get();
		if (found.isEmpty()) {
			return this.changeLog.isDeleted(op.type(), op.id()) ? SyncResult.duplicate(null, null)
					: SyncResult.rejected(ErrorCode.NOT_FOUND.name(), "No such " + op.type(), List.of());
		}
		Current server = found.get();
		boolean stale = op.baseVersion() != null && op.baseVersion() != server.version();
		if (stale && (op.clientUpdatedAt() == null || server.updatedAt().isAfter(op.clientUpdatedAt()))) {
			return SyncResult.conflict(server.version(), server.view(), "It changed on the server since");
		}
		delete.run();
		return SyncResult.deleted();
	}

	private SyncResult gone(SyncOperation op) {
		if (this.changeLog.isDeleted(op.type(), op.id())) {
			return SyncResult.conflict(null, null, "It was deleted on the server");
		}
		return SyncResult.rejected(ErrorCode.NOT_FOUND.name(), "No such " + op.type(), List.of());
	}

	private static Current current(Object view, Instant updatedAt) {
		long version = (view instanceof HabitView habit) ? habit.version()
				: (view instanceof HabitGroupView group) ? group.version() : ((CheckInView) view).version();
		return new Current(version, updatedAt, view);
	}

	private record Current(long version, Instant updatedAt, Object view) {
	}

}
