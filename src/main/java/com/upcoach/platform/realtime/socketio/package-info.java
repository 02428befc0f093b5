/**
 * The Socket.IO v4 endpoint at {@code /socket.io/} (WebSocket and long polling): the
 * connection flow of the spec (authenticate with the access token, join rooms, listen and
 * emit), client emits with acknowledgements, and this node's end of the fan-out. Not a
 * named interface: modules send through {@link com.upcoach.platform.realtime.Realtime}.
 */
package com.upcoach.platform.realtime.socketio;
