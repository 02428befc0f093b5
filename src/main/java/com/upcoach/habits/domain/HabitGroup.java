package com.upcoach.habits.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncedEntity;

/**
 * A named group of habits (a habit belongs to at most one), with its place in the list.
 */
@Entity
@Table(name = "habit_groups")
public class HabitGroup extends SyncedEntity {

	private String name;

	private String colour;

	@Column(name = "sort_order")
	private int position;

	protected HabitGroup() {
	}

	public HabitGroup(UUID id, UserId owner, long seq) {
		super(id, owner, seq);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getColour() {
		return this.colour;
	}

	public void setColour(String colour) {
		this.colour = colour;
	}

	public int getPosition() {
		return this.position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

}
