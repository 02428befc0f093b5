package com.upcoach.identity.web;

import com.upcoach.platform.api.ApiException;
import com.upcoach.platform.api.ErrorEnvelope;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Shows a facade's refusal on the form that caused it: next to the field it names, or
 * above the form.
 */
final class PageErrors {

	private PageErrors() {
	}

	static void show(ApiException ex, BindingResult form) {
		if (ex.details().isEmpty()) {
			form.reject(ex.code().name(), ex.getMessage());
			return;
		}
		BeanWrapperImpl target = new BeanWrapperImpl(form.getTarget());
		for (ErrorEnvelope.FieldProblem problem : ex.details()) {
			if (target.isReadableProperty(problem.field())) {
				form.rejectValue(problem.field(), ex.code().name(), problem.message());
			}
			else {
				form.reject(ex.code().name(), problem.message());
			}
		}
	}

}
