package com.upcoach.platform.realtime.socketio;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Hands WebSocket connections at {@code /socket.io/} to the Engine.IO server: a fresh
 * WebSocket connection, or the upgrade of a long-polling one (its {@code sid} is in the
 * query).
 */
class EngineIoWebSocketHandler implements WebSocketHandler, HandshakeInterceptor {

	private static final String QUERY = "engineio.query";

	private static final String HEADERS = "engineio.headers";

	private static final String CONNECTION = "engineio.connection";

	/**
	 * A client that reads too slowly is dropped rather than buffered for without limit.
	 */
	private static final int SEND_TIME_LIMIT_MILLIS = 10_000;

	private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

	private final EngineIoServer engine;

	EngineIoWebSocketHandler(EngineIoServer engine) {
		this.engine = engine;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		attributes.put(QUERY, ParseQS.decode(request.getURI().getRawQuery()));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.getHeaders().forEach(headers::put);
		attributes.put(HEADERS, headers);
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterConnectionEstablished(WebSocketSession session) {
		Connection connection = new Connection(
				new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS, BUFFER_LIMIT_BYTES),
				(Map<String, String>) session.getAttributes().get(QUERY),
				(Map<String, List<String>>) session.getAttributes().get(HEADERS));
		session.getAttributes().put(CONNECTION, connection);
		this.engine.handleWebSocket(connection);
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
		Connection connection = connectionOf(session);
		if (message instanceof TextMessage text) {
			connection.emit("message", text.getPayload());
		}
		else if (message instanceof BinaryMessage binary) {
			byte[] bytes = new byte[binary.getPayloadLength()];
			binary.getPayload().get(bytes);
			connection.emit("message", (Object) bytes);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		connectionOf(session).emit("error", "write error", exception.getMessage());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
		connectionOf(session).emit("close");
	}

	@Override
	public boolean supportsPartialMessages() {
		return false;
	}

	private static Connection connectionOf(WebSocketSession session) {
		return (Connection) session.getAttributes().get(CONNECTION);
	}

	/**
	 * One WebSocket as Engine.IO sees it.
	 */
	private static final class Connection extends EngineIoWebSocket {

		private final WebSocketSession session;

		private final Map<String, String> query;

		private final Map<String, List<String>> headers;

		Connection(WebSocketSession session, Map<String, String> query, Map<String, List<String>> headers) {
			this.session = session;
			this.query = query;
			this.headers = headers;
		}

		@Override
		public Map<String, String> getQuery() {
			return this.query;
		}

		@Override
		public Map<String, List<String>> getConnectionHeaders() {
			return this.headers;
		}

		@Override
		public void write(String message) throws IOException {
			this.session.sendMessage(new TextMessage(message));
		}

		@Override
		public void write(byte[] message) throws IOException {
			this.session.sendMessage(new BinaryMessage(message));
		}

		@Override
		public void close() {
			try {
				this.session.close();
			}
			catch (IOException ex) {
				// Already gone: nothing left to close.
			}
		}

	}

}
