package com.upcoach.platform.realtime.socketio;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import com.upcoach.platform.realtime.ClientEventHandler;
import com.upcoach.platform.realtime.RoomAccess;
import com.upcoach.platform.realtime.presence.PresenceTracker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The Socket.IO endpoint at {@code /socket.io/} on the application port: WebSocket
 * upgrades through Spring's WebSocket support, long polling through
 * {@link SocketIoPollingController}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(RealtimeSettings.class)
class SocketIoConfiguration implements WebSocketConfigurer {

	static final String PATH = "/socket.io/";

	private final SocketIoEndpoint endpoint;

	private final List<String> allowedOrigins;

	SocketIoConfiguration(RealtimeSettings settings, Environment environment) {
		// The API's browser origins (SecuritySettings.cors) apply here too.
		this.allowedOrigins = Binder.get(environment)
			.bind("upcoach.security.cors.allowed-origins", Bindable.listOf(String.class))
			.orElse(List.of())
			.stream()
			.filter(StringUtils::hasText)
			.toList();
		this.endpoint = new SocketIoEndpoint(settings, this.allowedOrigins);
	}

	@Bean
	SocketIoEndpoint socketIoEndpoint() {
		return this.endpoint;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		EngineIoWebSocketHandler handler = new EngineIoWebSocketHandler(this.endpoint.engine());
		registry.addHandler(handler, PATH)
			.addInterceptors(handler)
			.setAllowedOrigins(this.allowedOrigins.toArray(String[]::new));
	}

	@Bean
	ClientEmits clientEmits(ObjectProvider<ClientEventHandler> handlers, ObjectProvider<RoomAccess> rooms,
			PresenceTracker presence, JsonMapper json, SimpleAsyncTaskExecutorBuilder executors,
			RealtimeSettings settings) {
		// Handlers may read and write the database: they run off the socket threads,
		// a bounded number at a time.
		return new ClientEmits(handlers.orderedStream().toList(), rooms.orderedStream().toList(), presence, json,
				executors.threadNamePrefix("realtime-").concurrencyLimit(settings.handlerThreads()).build(),
				settings.emits());
	}

	@Bean
	SocketIoGateway socketIoGateway(JwtDecoder tokens, ObjectProvider<RoomAccess> rooms, PresenceTracker presence,
			ClientEmits emits, ObjectProvider<MeterRegistry> meters) {
		SocketIoGateway gateway = new SocketIoGateway(this.endpoint.namespace(), tokens, rooms, presence, emits);
		meters.ifAvailable(
				(registry) -> Gauge.builder("upcoach.realtime.connections", gateway, SocketIoGateway::connections)
					.description("Authenticated Socket.IO connections on this node")
					.register(registry));
		return gateway;
	}

}
