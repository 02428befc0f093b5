package com.upcoach.app;

import java.util.Map;

import com.upcoach.identity.PageSessions;
import com.upcoach.platform.security.AccessTokens;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Hands a page the access token its Socket.IO connection authenticates with. A POST, so
 * it needs the page's CSRF token: another site cannot have a signed-in browser fetch one.
 */
@Controller
class RealtimePageController {

	private final PageSessions pageSessions;

	RealtimePageController(PageSessions pageSessions) {
		this.pageSessions = pageSessions;
	}

	@PostMapping("/app/realtime-token")
	ResponseEntity<Map<String, Object>> token(Authentication authentication) {
		AccessTokens.IssuedToken token = this.pageSessions.accessToken(authentication);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("token", token.value(), "expiresIn", token.expiresInSeconds()));
	}

}
