/**
 * Realtime transport: the Socket.IO endpoint at {@code /socket.io/}, the rooms of the
 * spec ({@code user:{id}}, {@code org:{id}}, {@code chat:{id}},
 * {@code system:broadcasts}), presence, and the fan-out that carries an event to every
 * node (Redis pub/sub when configured), so that a client gets it whichever node it is
 * connected to. Business modules send through
 * {@link com.upcoach.platform.realtime.Realtime}, let clients into their rooms through
 * {@link com.upcoach.platform.realtime.RoomAccess}, answer client emits through
 * {@link com.upcoach.platform.realtime.ClientEventHandler} and say who sees whose
 * presence through {@link com.upcoach.platform.realtime.PresenceAudience}.
 */
@org.springframework.modulith.NamedInterface("realtime")
package com.upcoach.platform.realtime;
