package com.upcoach.platform.realtime.fanout;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.platform.realtime.Realtime.Registration;
import com.upcoach.platform.realtime.RealtimeListener;
import com.upcoach.platform.realtime.Rooms;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands what arrives on this node to the local transports and listeners.
 */
@Component
public class LocalDelivery {

	private static final Logger logger = LoggerFactory.getLogger(LocalDelivery.class);

	private final JsonMapper json;

	private final ObjectProvider<LocalSink> sinks;

	private final Map<UUID, List<Listening>> listeners = new ConcurrentHashMap<>();

	LocalDelivery(JsonMapper json, ObjectProvider<LocalSink> sinks) {
		this.json = json;
		this.sinks = sinks;
	}

	public Registration listen(UserId user, UUID sessionId, RealtimeListener listener) {
		Listening listening = new Listening(sessionId, listener);
		this.listeners.computeIfAbsent(user.value(), (key) -> new CopyOnWriteArrayList<>()).add(listening);
		return () -> remove(user.value(), listening);
	}

	public void receive(String message) {
		Envelope envelope;
		try {
			envelope = this.json.readValue(message, Envelope.class);
		}
		catch (JacksonException ex) {
			logger.warn("Dropped a malformed realtime message: {}", ex.getOriginalMessage());
			return;
		}
		switch (envelope.kind()) {
			case "emit" -> emit(envelope);
			case "join" -> this.sinks.forEach((sink) -> sink.join(new UserId(envelope.user()), envelope.room()));
			case "leave" -> this.sinks.forEach((sink) -> sink.leave(new UserId(envelope.user()), envelope.room()));
			case "end" -> end(envelope);
			default -> logger.warn("Dropped a realtime message of unknown kind {}", envelope.kind());
		}
	}

	private void emit(Envelope envelope) {
		String payload = this.json.writeValueAsString(envelope.payload());
		this.sinks.forEach((sink) -> sink.emit(envelope.room(), envelope.event(), payload));
		if (Rooms.SYSTEM.equals(envelope.room())) {
			this.listeners.values()
				.forEach((all) -> all.forEach((listening) -> listening.deliver(envelope.event(), payload)));
		}
		else if (envelope.room().startsWith("user:")) {
			UUID user = UUID.fromString(envelope.room().substring("user:".length()));
			this.listeners.getOrDefault(user, List.of())
				.forEach((listening) -> listening.deliver(envelope.event(), payload));
		}
	}

	private void end(Envelope envelope) {
		UserId user = new UserId(envelope.user());
		this.sinks.forEach((sink) -> sink.end(user, envelope.session()));
		for (Listening listening : this.listeners.getOrDefault(envelope.user(), List.of())) {
			if (envelope.session() == null || Objects.equals(envelope.session(), listening.sessionId())) {
				remove(envelope.user(), listening);
				listening.ended();
			}
		}
	}

	private void remove(UUID user, Listening listening) {
		this.listeners.computeIfPresent(user, (key, all) -> {
			all.remove(listening);
			return all.isEmpty() ? null : all;
		});
	}

	private record Listening(UUID sessionId, RealtimeListener listener) {

		void deliver(String event, String payload) {
			try {
				this.listener.deliver(event, payload);
			}
			catch (RuntimeException ex) {
				logger.warn("A realtime listener failed on {}", event, ex);
			}
		}

		void ended() {
			try {
				this.listener.ended();
			}
			catch (RuntimeException ex) {
				logger.warn("A realtime listener failed to end", ex);
			}
		}

	}

}
