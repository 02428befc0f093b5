package com.upcoach.community.domain;

/**
 * A member's part in a group: the owner and admins manage members and the title, members
 * read and post. Both people in a direct conversation are members.
 */
public enum MemberRole {

	OWNER, ADMIN, MEMBER;

	public boolean manages() {
		return this != MEMBER;
	}

}
