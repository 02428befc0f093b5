package com.upcoach.goals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.upcoach.goals.domain.Goal;
import com.upcoach.goals.domain.GoalMilestone;
import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.JsonBodies;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncOperation;
import com.upcoach.sync.SyncParticipant;
import com.upcoach.sync.SyncResult;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Goals ({@code goal}) and milestones ({@code goal_milestone}) in the offline sync feed
 * and batch, with the rules of docs/sync.md. A milestone create carries its
 * {@code goalId} beside the REST create body.
 */
@Component
class GoalSync implements SyncParticipant {

	private final GoalManagement goals;

	private final JsonBodies json;

	private final ChangeLog changeLog;

	private final TransactionTemplate transactions;

	GoalSync(GoalManagement goals, JsonBodies json, ChangeLog changeLog,
			PlatformTransactionManager transactionManager) {
		this.goals = goals;
		this.json = json;
		this.changeLog = changeLog;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public Set<String> types() {
		return Set.of(GoalManagement.GOAL, GoalManagement.MILESTONE);
	}

	@Override
	public List<SyncChange> changesSince(UserId user, long after, int limit) {
		return this.transactions.execute((status) -> {
			List<SyncChange> changes = new ArrayList<>();
			List<Goal> goals = this.goals.goalsChangedSince(user, after, limit);
			List<GoalView> views = this.goals.toViews(goals);
			for (int i = 0; i < goals.size(); i++) {
				Goal goal = goals.get(i);
				changes.add(SyncChange.upsert(GoalManagement.GOAL, goal.getId(), goal.getSyncSeq(), goal.getVersion(),
						goal.getUpdatedAt(), views.get(i)));
			}
			for (GoalMilestone milestone : this.goals.milestonesChangedSince(user, after, limit)) {
				changes.add(SyncChange.upsert(GoalManagement.MILESTONE, milestone.getId(), milestone.getSyncSeq(),
						milestone.getVersion(), milestone.getUpdatedAt(), GoalManagement.toView(milestone)));
			}
			changes.sort(Comparator.comparingLong(SyncChange::seq));
			return List.copyOf(changes.subList(0, Math.min(limit, changes.size())));
		});
	}

	@Override
	public SyncResult apply(UserId user, SyncOperation operation) {
		return this.transactions.execute((status) -> GoalManagement.GOAL.equals(operation.type())
				? applyGoal(user, operation, status) : applyMilestone(user, operation, status));
	}

	private SyncResult applyGoal(UserId user, SyncOperation operation, TransactionStatus status) {
		Optional<Goal> any = this.goals.findAnyGoal(operation.id());
		Optional<Goal> current = any.filter((goal) -> goal.owner().equals(user));
		boolean tombstoned = any.isEmpty() && this.changeLog.isDeleted(GoalManagement.GOAL, operation.id());
		return switch (operation.action()) {
			case CREATE -> {
				if (current.isPresent()) {
					GoalView view = this.goals.toView(current.get());
					yield SyncResult.duplicate(view.version(), view);
				}
				if (tombstoned) {
					yield SyncResult.conflict(null, null, "The goal was deleted");
				}
				if (any.isPresent()) {
					yield notFound("goal");
				}
				GoalManagement.NewGoal request = this.json.read(withId(operation.data(), operation.id()),
						GoalManagement.NewGoal.class);
				GoalView created = this.goals.create(user, request).goal();
				yield SyncResult.applied(created.version(), created);
			}
			case UPDATE -> {
				if (current.isEmpty()) {
					yield tombstoned ? SyncResult.conflict(null, null, "The goal was deleted") : notFound("goal");
				}
				Goal goal = current.get();
				GoalView before = this.goals.toView(goal);
				boolean based = operation.baseVersion() == null || operation.baseVersion() == goal.getVersion();
				boolean newer = operation.clientUpdatedAt() != null
						&& operation.clientUpdatedAt().isAfter(goal.getUpdatedAt());
				GoalView after = this.goals.update(user, operation.id(), operation.data(), null);
				if (after.version() == before.version()) {
					yield SyncResult.duplicate(before.version(), before);
				}
				if (based || newer) {
					yield SyncResult.applied(after.version(), after);
				}
				status.setRollbackOnly();
				yield SyncResult.conflict(before.version(), before,
						"The goal changed on the server after this edit; the server's version is kept");
			}
			case DELETE -> {
				if (current.isEmpty()) {
					yield tombstoned ? SyncResult.duplicate(null, null) : notFound("goal");
				}
				Goal goal = current.get();
				if (operation.losesTo(goal.getVersion(), goal.getUpdatedAt())) {
					GoalView view = this.goals.toView(goal);
					yield SyncResult.conflict(view.version(), view,
							"The goal changed on the server after this delete was made; it is kept");
				}
				this.goals.delete(user, operation.id());
				yield SyncResult.deleted();
			}
		};
	}

	private SyncResult applyMilestone(UserId user, SyncOperation operation, TransactionStatus status) {
		Optional<GoalMilestone> any = this.goals.findAnyMilestone(operation.id());
		Optional<GoalMilestone> current = any.filter((milestone) -> milestone.owner().equals(user));
		boolean tombstoned = any.isEmpty() && this.changeLog.isDeleted(GoalManagement.MILESTONE, operation.id());
		return switch (operation.action()) {
			case CREATE -> {
				if (current.isPresent()) {
					MilestoneView view = GoalManagement.toView(current.get());
					yield SyncResult.duplicate(view.version(), view);
				}
				if (tombstoned) {
					yield SyncResult.conflict(null, null, "The milestone was deleted");
				}
				if (any.isPresent()) {
					yield notFound("milestone");
				}
				UUID goalId = goalIdOf(operation.data());
				ObjectNode body = withId(operation.data(), operation.id());
				body.remove("goalId");
				GoalManagement.NewMilestone request = this.json.read(body, GoalManagement.NewMilestone.class);
				MilestoneView created = this.goals.createMilestone(user, goalId, request).milestone();
				yield SyncResult.applied(created.version(), created);
			}
			case UPDATE -> {
				if (current.isEmpty()) {
					yield tombstoned ? SyncResult.conflict(null, null, "The milestone was deleted")
							: notFound("milestone");
				}
				GoalMilestone milestone = current.get();
				MilestoneView before = GoalManagement.toView(milestone);
				boolean based = operation.baseVersion() == null || operation.baseVersion() == milestone.getVersion();
				boolean newer = operation.clientUpdatedAt() != null
						&& operation.clientUpdatedAt().isAfter(milestone.getUpdatedAt());
				MilestoneView after = this.goals.updateMilestone(user, milestone.getGoalId(), operation.id(),
						operation.data(), null);
				if (after.version() == before.version()) {
					yield SyncResult.duplicate(before.version(), before);
				}
				if (based || newer) {
					yield SyncResult.applied(after.version(), after);
				}
				status.setRollbackOnly();
				yield SyncResult.conflict(before.version(), before,
						"The milestone changed on the server after this edit; the server's version is kept");
			}
			case DELETE -> {
				if (current.isEmpty()) {
					yield tombstoned ? SyncResult.duplicate(null, null) : notFound("milestone");
				}
				GoalMilestone milestone = current.get();
				if (operation.losesTo(milestone.getVersion(), milestone.getUpdatedAt())) {
					MilestoneView view = GoalManagement.toView(milestone);
					yield SyncResult.conflict(view.version(), view,
							"The milestone changed on the server after this delete was made; it is kept");
				}
				this.goals.deleteMilestone(user, milestone.getGoalId(), operation.id());
				yield SyncResult.deleted();
			}
		};
	}

	private static UUID goalIdOf(JsonNode data) {
		JsonNode goalId = (data != null) ? data.get("goalId") : null;
		if (goalId == null || !goalId.isString()) {
			throw ApiException.validation("goalId", "A milestone create names its goalId");
		}
		try {
			return UUID.fromString(goalId.asString());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.validation("goalId", "Must be a UUID");
		}
	}

	private static ObjectNode withId(JsonNode data, UUID id) {
		if (!(data instanceof ObjectNode object)) {
			throw ApiException.validation("data", "Must be a JSON object");
		}
		ObjectNode copy = object.deepCopy();
		copy.put("id", id.toString());
		return copy;
	}

	private static SyncResult notFound(String what) {
		return SyncResult.rejected("NOT_FOUND", "The " + what + " was not found", List.of());
	}

}
