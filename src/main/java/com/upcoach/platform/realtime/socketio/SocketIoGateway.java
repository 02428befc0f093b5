package com.upcoach.platform.realtime.socketio;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.upcoach.platform.api.ErrorCode;
import com.upcoach.platform.realtime.RoomAccess;
import com.upcoach.platform.realtime.Rooms;
import com.upcoach.platform.realtime.fanout.LocalSink;
import com.upcoach.platform.realtime.presence.PresenceTracker;
import com.upcoach.platform.security.AccessTokens;
import com.upcoach.shared.UserId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.StringUtils;

/**
 * The spec's connection flow on this node: a client connects with its access token, is
 * authenticated, joins its rooms, then listens and emits. Also this node's
 * {@link LocalSink}: what the fan-out delivers here reaches the local sockets.
 */
class SocketIoGateway implements LocalSink {

	/**
	 * Sent before the server closes a connection it refuses or whose session ended; the
	 * client is then disconnected by the server, which the official clients do not retry.
	 */
	static final String AUTH_ERROR = "auth:error";

	private static final Logger logger = LoggerFactory.getLogger(SocketIoGateway.class);

	private final SocketIoNamespace namespace;

	private final JwtDecoder tokens;

	private final ObjectProvider<RoomAccess> rooms;

	private final PresenceTracker presence;

	private final ClientEmits emits;

	private final Map<UUID, Set<Client>> clients = new ConcurrentHashMap<>();

	SocketIoGateway(SocketIoNamespace namespace, JwtDecoder tokens, ObjectProvider<RoomAccess> rooms,
			PresenceTracker presence, ClientEmits emits) {
		this.namespace = namespace;
		this.tokens = tokens;
		this.rooms = rooms;
		this.presence = presence;
		this.emits = emits;
		namespace.on("connection", (args) -> connected((SocketIoSocket) args[0]));
	}

	private void connected(SocketIoSocket socket) {
		Jwt token;
		try {
			token = this.tokens.decode(tokenOf(socket));
		}
		catch (JwtValidationException ex) {
			boolean expired = ex.getErrors()
				.stream()
				.anyMatch((error) -> error.getDescription() != null && error.getDescription().contains("expired"));
			refuse(socket, expired ? "TOKEN_EXPIRED" : ErrorCode.UNAUTHENTICATED.name(),
					expired ? "The access token has expired; refresh it and connect again"
							: "The access token is invalid or has been revoked");
			return;
		}
		catch (JwtException | IllegalArgumentException ex) {
			refuse(socket, ErrorCode.UNAUTHENTICATED.name(), "A valid access token is required in auth.token");
			return;
		}
		Client client = new Client(socket, AccessTokens.userOf(token), AccessTokens.sessionOf(token));
		this.clients.computeIfAbsent(client.user().value(), (key) -> ConcurrentHashMap.newKeySet()).add(client);
		socket.on("disconnect", (args) -> disconnected(client));
		socket.joinRoom(Rooms.user(client.user()), Rooms.SYSTEM);
		this.rooms.forEach((access) -> access.roomsOf(client.user()).forEach(socket::joinRoom));
		socket.registerAllEventListener((event, args) -> this.emits.received(client, event, args));
		this.presence.connected(client.connectionId(), client.user());
	}

	private void disconnected(Client client) {
		this.clients.computeIfPresent(client.user().value(), (key, all) -> {
			all.remove(client);
			return all.isEmpty() ? null : all;
		});
		this.presence.disconnected(client.connectionId(), client.user());
	}

	/**
	 * The token from the handshake's {@code auth} payload ({@code {token: "..."}}), or
	 * from an {@code Authorization: Bearer} header for clients that cannot send one.
	 */
	private static String tokenOf(SocketIoSocket socket) {
		if (socket.getConnectData() instanceof JSONObject auth && StringUtils.hasText(auth.optString("token"))) {
			return auth.optString("token");
		}
		Map<String, List<String>> headers = socket.getInitialHeaders();
		if (headers != null) {
			for (Map.Entry<String, List<String>> header : headers.entrySet()) {
				if ("authorization".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()
						&& header.getValue().get(0).regionMatches(true, 0, "Bearer ", 0, 7)) {
					return header.getValue().get(0).substring(7).trim();
				}
			}
		}
		throw new IllegalArgumentException("no access token");
	}

	private static void refuse(SocketIoSocket socket, String code, String message) {
		socket.send(AUTH_ERROR, new JSONObject().put("code", code).put("message", message));
		socket.disconnect(false);
	}

	@Override
	public void emit(String room, String event, String payload) {
		this.namespace.broadcast(room, event, Json.toOrgJson(payload));
	}

	@Override
	public void join(UserId user, String room) {
		clientsOf(user).forEach((client) -> client.socket().joinRoom(room));
	}

	@Override
	public void leave(UserId user, String room) {
		clientsOf(user).forEach((client) -> client.socket().leaveRoom(room));
	}

	@Override
	public void end(UserId user, UUID sessionId) {
		for (Client client : clientsOf(user)) {
			if (sessionId == null || sessionId.equals(client.sessionId())) {
				logger.debug("Closing socket {} of user {}: its session ended", client.connectionId(), user);
				refuse(client.socket(), "SESSION_ENDED", "The session has ended; sign in again");
			}
		}
	}

	private Set<Client> clientsOf(UserId user) {
		return this.clients.getOrDefault(user.value(), Set.of());
	}

	/**
	 * How many authenticated sockets this node holds.
	 */
	int connections() {
		return this.clients.values().stream().mapToInt(Set::size).sum();
	}

	/**
	 * One authenticated socket.
	 *
	 * @param socket the socket
	 * @param user the user its token was issued to
	 * @param sessionId the session of the token, {@code null} if it has none
	 */
	record Client(SocketIoSocket socket, UserId user, UUID sessionId) {

		String connectionId() {
			return this.socket.getId();
		}

	}

}
