package com.upcoach.platform.realtime.socketio;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import jakarta.validation.ConstraintViolationException;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ApiResponse;
import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.api.ErrorEnvelope;
import com.upcoach.platform.realtime.ClientEventHandler;
import com.upcoach.platform.realtime.RoomAccess;
import com.upcoach.platform.realtime.Rooms;
import com.upcoach.platform.realtime.presence.PresenceTracker;
import com.upcoach.platform.realtime.socketio.SocketIoGateway.Client;

/**
 * Answers what authenticated clients emit: the built-in {@code room:join},
 * {@code room:leave} and {@code presence:status}, and every event a
 * {@link ClientEventHandler} answers. Each emit is rate-limited per user, its payload
 * must be a JSON object, and the acknowledgement is the API's envelope:
 * {@code {"success":true,"data":…}} or {@code {"success":false,"error":{"code":…}}}.
 */
class ClientEmits {

	static final String JOIN = "room:join";

	static final String LEAVE = "room:leave";

	static final String PRESENCE = "presence:status";

	private static final Logger logger = LoggerFactory.getLogger(ClientEmits.class);

	/**
	 * Larger payloads are refused before they reach a handler; chat messages and the like
	 * are far smaller.
	 */
	private static final int MAX_PAYLOAD_CHARS = 64 * 1024;

	private static final int MAX_ROOM_CHARS = 200;

	private final Map<String, ClientEventHandler> handlers = new LinkedHashMap<>();

	private final List<RoomAccess> rooms;

	private final PresenceTracker presence;

	private final JsonMapper json;

	private final Executor executor;

	private final RealtimeSettings.Emits limit;

	private final Cache<UUID, Bucket> buckets;

	ClientEmits(List<ClientEventHandler> handlers, List<RoomAccess> rooms, PresenceTracker presence, JsonMapper json,
			Executor executor, RealtimeSettings.Emits limit) {
		for (ClientEventHandler handler : handlers) {
			if (Set.of(JOIN, LEAVE, PRESENCE).contains(handler.event())
					|| this.handlers.putIfAbsent(handler.event(), handler) != null) {
				throw new IllegalStateException("Two answers to the client event " + handler.event());
			}
		}
		this.rooms = rooms;
		this.presence = presence;
		this.json = json;
		this.executor = executor;
		this.limit = limit;
		// An idle bucket is full again after one window, so forgetting it forgives
		// nothing.
		this.buckets = Caffeine.newBuilder().expireAfterAccess(limit.window().multipliedBy(2)).build();
	}

	void received(Client client, String event, Object... args) {
		ReceivedByLocalAcknowledgementCallback ack = (args.length > 0
				&& args[args.length - 1] instanceof ReceivedByLocalAcknowledgementCallback callback) ? callback : null;
		int count = (ack != null) ? args.length - 1 : args.length;
		try {
			allow(client);
			JsonNode payload = payloadOf(args, count);
			this.presence.active(client.user());
			if (PRESENCE.equals(event)) {
				answer(ack, status(client, payload));
				return;
			}
			this.executor.execute(() -> answer(ack, () -> handle(client, event, payload)));
		}
		catch (ApiException ex) {
			answer(ack, () -> {
				throw ex;
			});
		}
		catch (RejectedExecutionException ex) {
			answer(ack, () -> {
				throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The server is busy; retry in a moment");
			});
		}
	}

	private Object handle(Client client, String event, JsonNode payload) {
		return switch (event) {
			case JOIN -> join(client, payload);
			case LEAVE -> leave(client, payload);
			default -> {
				ClientEventHandler handler = this.handlers.get(event);
				if (handler == null) {
					throw new ApiException(ErrorCode.NOT_FOUND, "No such event: " + event);
				}
				yield handler.handle(client.user(), payload);
			}
		};
	}

	private void allow(Client client) {
		Bucket bucket = this.buckets.get(client.user().value(),
				(user) -> Bucket.builder()
					.addLimit(Bandwidth.builder()
						.capacity(this.limit.capacity())
						.refillGreedy(this.limit.capacity(), this.limit.window())
						.build())
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
			throw ApiException.tooManyRequests("Too many events; retry in " + Math.max(1, wait.toSeconds()) + " s",
					wait);
		}
	}

	private JsonNode payloadOf(Object[] args, int count) {
		if (count == 0) {
			return null;
		}
		if (!(args[0] instanceof JSONObject object)) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "The payload must be a JSON object");
		}
		String text = object.toString();
		if (text.length() > MAX_PAYLOAD_CHARS) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The payload is larger than 64 KB");
		}
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "Malformed JSON");
		}
	}

	private Object join(Client client, JsonNode payload) {
		String room = roomOf(payload);
		if (!room.equals(Rooms.user(client.user())) && !room.equals(Rooms.SYSTEM)) {
			if (room.startsWith("user:")) {
				throw new ApiException(ErrorCode.FORBIDDEN, "Only your own user room can be joined");
			}
			// A room nobody owns (org: rooms until organisations exist) and a room the
			// user may not know about answer alike.
			RoomAccess owner = this.rooms.stream().filter((access) -> access.owns(room)).findFirst().orElse(null);
			if (owner == null || !owner.mayJoin(client.user(), room)) {
				throw new ApiException(ErrorCode.NOT_FOUND, "Room " + room + " was not found");
			}
			client.socket().joinRoom(room);
		}
		return Map.of("room", room);
	}

	private Object leave(Client client, JsonNode payload) {
		String room = roomOf(payload);
		if (room.equals(Rooms.user(client.user())) || room.equals(Rooms.SYSTEM)) {
			throw new ApiException(ErrorCode.FORBIDDEN, "The user and system rooms cannot be left");
		}
		client.socket().leaveRoom(room);
		return Map.of("room", room);
	}

	private static String roomOf(JsonNode payload) {
		JsonNode room = (payload != null) ? payload.get("room") : null;
		if (room == null || !room.isString() || room.asString().isBlank()) {
			throw ApiException.validation("room", "Must be a room name such as chat:{id}");
		}
		if (room.asString().length() > MAX_ROOM_CHARS) {
			throw ApiException.validation("room", "Must be at most " + MAX_ROOM_CHARS + " characters");
		}
		return room.asString();
	}

	private Answer status(Client client, JsonNode payload) {
		JsonNode status = (payload != null) ? payload.get("status") : null;
		if (status == null || !status.isString()
				|| !(status.asString().equals("online") || status.asString().equals("away"))) {
			throw ApiException.validation("status", "Must be online or away");
		}
		this.presence.status(client.connectionId(), client.user(), status.asString());
		return () -> Map.of("status", status.asString());
	}

	private void answer(ReceivedByLocalAcknowledgementCallback ack, Answer answer) {
		Object envelope;
		try {
			envelope = ApiResponse.of(answer.data());
		}
		catch (ApiException ex) {
			envelope = ErrorEnvelope.of(ex.code(), ex.getMessage(), ex.details());
		}
		catch (ConstraintViolationException ex) {
			envelope = ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR, "Invalid input",
					ex.getConstraintViolations()
						.stream()
						.map((violation) -> new ErrorEnvelope.FieldProblem(violation.getPropertyPath().toString(),
								violation.getMessage()))
						.toList());
		}
		catch (RuntimeException ex) {
			String reference = UUID.randomUUID().toString();
			logger.error("A client event failed [reference={}]", reference, ex);
			envelope = ErrorEnvelope.internal(reference);
		}
		if (ack != null) {
			ack.sendAcknowledgement(Json.toOrgJson(this.json.writeValueAsString(envelope)));
		}
	}

	/**
	 * The data of an acknowledgement, or the exception that answers instead.
	 */
	@FunctionalInterface
	private interface Answer {

		Object data();

	}

}
