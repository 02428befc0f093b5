package com.upcoach.platform.api;

/**
 * A resource that does not exist, or that the caller may not know exists: both answer
 * 404.
 */
public class NotFoundException extends ApiException {

	public NotFoundException(String resource, Object id) {
		super(ErrorCode.NOT_FOUND, resource + " " + id + " was not found");
	}

}
