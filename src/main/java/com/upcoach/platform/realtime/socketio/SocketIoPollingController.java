package com.upcoach.platform.realtime.socketio;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The long-polling transport of {@code /socket.io/}. WebSocket upgrades carry an
 * {@code Upgrade} header and go to {@link EngineIoWebSocketHandler} instead.
 */
@Controller
@Hidden
class SocketIoPollingController {

	private final SocketIoEndpoint endpoint;

	SocketIoPollingController(SocketIoEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@RequestMapping(path = "/socket.io/", headers = "!Upgrade",
			method = { RequestMethod.GET, RequestMethod.POST, RequestMethod.OPTIONS })
	void poll(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.endpoint.engine().handleRequest(request, response);
	}

}
