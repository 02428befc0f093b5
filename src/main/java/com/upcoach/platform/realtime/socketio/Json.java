package com.upcoach.platform.realtime.socketio;

import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Crosses between the JSON the Socket.IO server speaks (org.json) and the text the rest
 * of the application writes with Jackson.
 */
final class Json {

	private Json() {
	}

	/**
	 * A JSON text as the org.json value the Socket.IO encoder writes.
	 */
	static Object toOrgJson(String json) {
		Object value = new JSONTokener(json).nextValue();
		return (value == null) ? JSONObject.NULL : value;
	}

}
