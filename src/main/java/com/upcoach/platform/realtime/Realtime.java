package com.upcoach.platform.realtime;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import com.upcoach.platform.messaging.ClusterBus;
import com.upcoach.platform.realtime.fanout.Envelope;
import com.upcoach.platform.realtime.fanout.LocalDelivery;
import com.upcoach.shared.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Sends events to rooms on every node. Called inside a transaction, a send waits for the
 * commit (and is dropped on rollback), so a client never hears of a write that did not
 * happen. So send from inside the writing transaction (a plain {@code @EventListener}
 * does), not from an after-commit callback: there a send would wait for a commit that has
 * already happened, and never go. Delivery is at most once: what must not be lost is also
 * persisted (a notification) and read back by clients that reconnect.
 */
@Service
public class Realtime {

	static final String CHANNEL = "realtime";

	private final ClusterBus bus;

	private final JsonMapper json;

	private final LocalDelivery local;

	Realtime(ClusterBus bus, JsonMapper json, LocalDelivery local) {
		this.bus = bus;
		this.json = json;
		this.local = local;
		bus.subscribe(CHANNEL, local::receive);
	}

	/**
	 * To all the devices of one user.
	 */
	public void toUser(UserId user, String event, Object payload) {
		toRoom(Rooms.user(user), event, payload);
	}

	/**
	 * To everyone in a room.
	 * @param payload any value Jackson writes as JSON
	 */
	public void toRoom(String room, String event, Object payload) {
		Assert.hasText(room, "room must not be empty");
		Assert.hasText(event, "event must not be empty");
		publish(Envelope.emit(room, event, this.json.valueToTree(payload)));
	}

	/**
	 * To every connected client ({@link Rooms#SYSTEM}).
	 */
	public void broadcast(String event, Object payload) {
		toRoom(Rooms.SYSTEM, event, payload);
	}

	/**
	 * Puts the user's connected clients on every node into a room, e.g. when they become
	 * a member of a conversation. Clients that connect later join through
	 * {@link RoomAccess#roomsOf}.
	 */
	public void joinUser(UserId user, String room) {
		publish(Envelope.join(user, room));
	}

	/**
	 * Takes the user's connected clients out of a room, e.g. when they leave a
	 * conversation.
	 */
	public void leaveUser(UserId user, String room) {
		publish(Envelope.leave(user, room));
	}

	/**
	 * Closes the user's connections and streams that belong to a session that ended.
	 * @param sessionId the session, or {@code null} for all of the user's sessions
	 */
	public void endSessions(UserId user, UUID sessionId) {
		publish(Envelope.end(user, sessionId));
	}

	/**
	 * Listens, on this node, to what is sent to the user's room and to
	 * {@link Rooms#SYSTEM}, until the registration is closed or the session ends.
	 * @param sessionId the session the listener belongs to, or {@code null} when it ends
	 * only with all of the user's sessions
	 */
	public Registration listen(UserId user, UUID sessionId, RealtimeListener listener) {
		return this.local.listen(user, sessionId, listener);
	}

	private void publish(Envelope envelope) {
		String message = this.json.writeValueAsString(envelope);
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			this.bus.publish(CHANNEL, message);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				Realtime.this.bus.publish(CHANNEL, message);
			}

		});
	}

	/**
	 * A listener's registration.
	 */
	public interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
