package com.upcoach.platform.api;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}), reached for failures outside
 * Spring MVC such as an oversized body rejected by Tomcat. API paths answer with the
 * error envelope, pages with a plain error page; neither ever shows a stack trace.
 */
@Controller
class ErrorPathController implements ErrorController {

	private static final Logger logger = LoggerFactory.getLogger(ErrorPathController.class);

	@RequestMapping(path = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ErrorEnvelope> json(HttpServletRequest request) {
		int status = statusOf(request);
		ErrorCode code = ErrorCode.forStatus(status);
		if (status >= 500) {
			String reference = UUID.randomUUID().toString();
			logger.error("Error outside the API handlers on {} [reference={}]",
					request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), reference,
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
			return ResponseEntity.status(status).body(ErrorEnvelope.internal(reference));
		}
		return ResponseEntity.status(status).body(ErrorEnvelope.of(code, code.defaultMessage(), List.of()));
	}

	@RequestMapping("/error")
	Object page(HttpServletRequest request, Model model) {
		if (ApiPaths.isApi(request)) {
			return json(request);
		}
		int status = statusOf(request);
		model.addAttribute("status", status);
		model.addAttribute("reason", HttpStatus.valueOf(status).getReasonPhrase());
		model.addAttribute("message", ErrorCode.forStatus(status).defaultMessage());
		return "error";
	}

	private static int statusOf(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (status instanceof Integer code && HttpStatus.resolve(code) != null) {
			return code;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR.value();
	}

}
