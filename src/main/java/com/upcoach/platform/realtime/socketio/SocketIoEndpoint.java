package com.upcoach.platform.realtime.socketio;

import java.util.List;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;

import org.springframework.beans.factory.DisposableBean;

/**
 * The Engine.IO server (transports, heartbeats) with the Socket.IO server on top, serving
 * only the default namespace {@code /}.
 */
class SocketIoEndpoint implements DisposableBean {

	private final EngineIoServer engine;

	private final SocketIoNamespace namespace;

	SocketIoEndpoint(RealtimeSettings settings, List<String> allowedOrigins) {
		EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
		options.setPingInterval(settings.pingInterval().toMillis());
		options.setPingTimeout(settings.pingTimeout().toMillis());
		// Browsers on other origins get CORS headers only when the origin is configured
		// (upcoach.security.cors.allowed-origins); same-origin pages need none.
		options.setAllowedCorsOrigins(allowedOrigins.toArray(String[]::new));
		this.engine = new EngineIoServer(options);
		this.namespace = new SocketIoServer(this.engine).namespace("/");
	}

	EngineIoServer engine() {
		return this.engine;
	}

	SocketIoNamespace namespace() {
		return this.namespace;
	}

	@Override
	public void destroy() {
		this.engine.shutdown();
	}

}
