package com.upcoach.tasks;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.upcoach.platform.api.JsonBodies;
import com.upcoach.shared.UserId;
import com.upcoach.sync.ChangeLog;
import com.upcoach.sync.SyncChange;
import com.upcoach.sync.SyncOperation;
import com.upcoach.sync.SyncParticipant;
import com.upcoach.sync.SyncResult;
import com.upcoach.tasks.domain.Task;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasks in the offline sync feed and batch (type {@code task}), with the rules of
 * docs/sync.md: duplicate creates, field-level last-writer-wins for stale updates, and
 * idempotent deletes.
 */
@Component
class TaskSync implements SyncParticipant {

	private final TaskManagement tasks;

	private final JsonBodies json;

	private final ChangeLog changeLog;

	private final TransactionTemplate transactions;

	TaskSync(TaskManagement tasks, JsonBodies json, ChangeLog changeLog,
			PlatformTransactionManager transactionManager) {
		this.tasks = tasks;
		this.json = json;
		this.changeLog = changeLog;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public Set<String> types() {
		return Set.of(TaskManagement.TYPE);
	}

	@Override
	public List<SyncChange> changesSince(UserId user, long after, int limit) {
		return this.transactions.execute((status) -> this.tasks.changedSince(user, after, limit)
			.stream()
			.map((task) -> SyncChange.upsert(TaskManagement.TYPE, task.getId(), task.getSyncSeq(), task.getVersion(),
					task.getUpdatedAt(), TaskManagement.toView(task)))
			.toList());
	}

	@Override
	public SyncResult apply(UserId user, SyncOperation operation) {
		return this.transactions.execute((status) -> {
			Optional<Task> current = this.tasks.findAny(operation.id()).filter((task) -> task.owner().equals(user));
			boolean foreign = current.isEmpty() && this.tasks.findAny(operation.id()).isPresent();
			boolean tombstoned = current.isEmpty() && !foreign
					&& this.changeLog.isDeleted(TaskManagement.TYPE, operation.id());
			return switch (operation.action()) {
				case CREATE -> {
					if (current.isPresent()) {
						TaskView view = TaskManagement.toView(current.get());
						yield SyncResult.duplicate(view.version(), view);
					}
					if (tombstoned) {
						yield SyncResult.conflict(null, null, "The task was deleted");
					}
					if (foreign) {
						yield notFound();
					}
					TaskManagement.NewTask request = this.json.read(withId(operation), TaskManagement.NewTask.class);
					TaskView created = this.tasks.create(user, request).task();
					yield SyncResult.applied(created.version(), created);
				}
				case UPDATE -> {
					if (current.isEmpty()) {
						yield tombstoned ? SyncResult.conflict(null, null, "The task was deleted") : notFound();
					}
					Task task = current.get();
					TaskView before = TaskManagement.toView(task);
					boolean based = operation.baseVersion() == null || operation.baseVersion() == task.getVersion();
					boolean newer = operation.clientUpdatedAt() != null
							&& operation.clientUpdatedAt().isAfter(task.getUpdatedAt());
					TaskView after = this.tasks.update(user, operation.id(), operation.data(), null);
					if (after.version() == before.version()) {
						yield SyncResult.duplicate(before.version(), before);
					}
					if (based || newer) {
						yield SyncResult.applied(after.version(), after);
					}
					status.setRollbackOnly();
					yield SyncResult.conflict(before.version(), before,
							"The task changed on the server after this edit; the server's version is kept");
				}
				case DELETE -> {
					if (current.isEmpty()) {
						yield tombstoned ? SyncResult.duplicate(null, null) : notFound();
					}
					Task task = current.get();
					boolean based = operation.baseVersion() == null || operation.baseVersion() == task.getVersion();
					boolean newer = operation.clientUpdatedAt() != null
							&& !task.getUpdatedAt().isAfter(operation.clientUpdatedAt());
					if (!based && !newer) {
						TaskView view = TaskManagement.toView(task);
						yield SyncResult.conflict(view.version(), view,
								"The task changed on the server after this delete was made; it is kept");
					}
					this.tasks.delete(user, operation.id());
					yield SyncResult.deleted();
				}
			};
		});
	}

	private static SyncResult notFound() {
		return SyncResult.rejected("NOT_FOUND", "The task was not found", List.of());
	}

	private static JsonNode withId(SyncOperation operation) {
		if (operation.data() instanceof ObjectNode object) {
			ObjectNode copy = object.deepCopy();
			copy.put("id", operation.id().toString());
			return copy;
		}
		return operation.data();
	}

}
