package com.upcoach.community.domain;

/**
 * A conversation between two people, or a group.
 */
public enum ChatKind {

	DIRECT, GROUP

}
