package com.upcoach.platform.api;

import com.upcoach.shared.Role;

import org.springframework.core.convert.converter.Converter;

/**
 * Query and path parameters name roles in their wire form, as JSON does.
 */
class StringToRole implements Converter<String, Role> {

	@Override
	public Role convert(String source) {
		return Role.parse(source.strip());
	}

}
