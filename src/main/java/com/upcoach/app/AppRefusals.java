package com.upcoach.app;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorEnvelope;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal in the member app (a habit that is gone, a check-in the rules do not allow, a
 * malformed request) is shown with its status: in the page's message area for htmx and
 * the app's script (which send {@code HX-Request}), as a page of its own for a plain form
 * post.
 */
@ControllerAdvice(basePackageClasses = AppRefusals.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AppRefusals {

	@ExceptionHandler(ApiException.class)
	ModelAndView refused(ApiException ex, HttpServletRequest request, HttpServletResponse response) {
		return show(ex.details().isEmpty() ? ex.getMessage()
				: ex.details().stream().map(ErrorEnvelope.FieldProblem::message).collect(Collectors.joining(" ")),
				ex.code().status(), request, response);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ModelAndView invalid(MethodArgumentNotValidException ex, HttpServletRequest request, HttpServletResponse response) {
		return show(ex.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.collect(Collectors.joining("; ")), HttpStatus.BAD_REQUEST, request, response);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ModelAndView unreadable(HttpServletRequest request, HttpServletResponse response) {
		return show("The request could not be read", HttpStatus.BAD_REQUEST, request, response);
	}

	private static ModelAndView show(String message, HttpStatusCode status, HttpServletRequest request,
			HttpServletResponse response) {
		boolean inPage = request.getHeader("HX-Request") != null;
		if (inPage) {
			response.setHeader("HX-Retarget", "#app-message");
			response.setHeader("HX-Reswap", "innerHTML");
		}
		ModelAndView view = new ModelAndView(inPage ? "app/fragments :: message" : "app/refused", status);
		view.addObject("message", message);
		return view;
	}

}
