package com.upcoach.identity.domain;

public enum AccountStatus {

	ACTIVE, SUSPENDED

}
