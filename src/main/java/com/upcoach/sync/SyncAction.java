package com.upcoach.sync;

/**
 * What a batch operation does to a resource.
 */
public enum SyncAction {

	CREATE, UPDATE, DELETE

}
