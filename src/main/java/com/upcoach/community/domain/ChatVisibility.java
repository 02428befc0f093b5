package com.upcoach.community.domain;

/**
 * Who may find a conversation: its members only, or anyone (a community group that users
 * list, search and join).
 */
public enum ChatVisibility {

	PRIVATE, PUBLIC

}
