package com.upcoach.habits.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncedEntity;

/**
 * A habit: what to do (or to limit), when it is due and how it is measured.
 */
@Entity
@Table(name = "habits")
public class Habit extends SyncedEntity {

	public static final String YES_NO = "yes_no";

	public static final String NUMERIC = "numeric";

	public static final String AT_LEAST = "at_least";

	public static final String AT_MOST = "at_most";

	private String name;

	private String description;

	private String icon;

	private String colour;

	private String kind;

	private String unit;

	@Column(name = "target_value")
	private BigDecimal target;

	@Column(name = "target_type")
	private String targetType;

	@Column(name = "schedule_type")
	private String scheduleType;

	@Column(name = "schedule_days")
	private int scheduleDays;

	@Column(name = "schedule_count")
	private int scheduleCount;

	@Column(name = "start_date")
	private LocalDate startDate;

	private String reminders;

	@Column(name = "group_id")
	private UUID groupId;

	@Column(name = "sort_order")
	private int position;

	@Column(name = "archived_at")
	private Instant archivedAt;

	@Column(name = "assigned_by")
	private UUID assignedBy;

	protected Habit() {
	}

	public Habit(UUID id, UserId owner, long seq, String kind, LocalDate startDate, UUID assignedBy) {
		super(id, owner, seq);
		this.kind = kind;
		this.startDate = startDate;
		this.assignedBy = assignedBy;
		this.target = BigDecimal.ONE;
		this.targetType = AT_LEAST;
		this.scheduleType = Schedule.Type.DAILY.value();
		this.scheduleCount = 1;
		this.reminders = "";
	}

	public boolean numeric() {
		return NUMERIC.equals(this.kind);
	}

	public boolean atMost() {
		return AT_MOST.equals(this.targetType);
	}

	public Schedule schedule() {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if ((this.scheduleDays & (1 << (day.getValue() - 1))) != 0) {
				days.add(day);
			}
		}
		return new Schedule(Schedule.Type.of(this.scheduleType), days, this.scheduleCount);
	}

	public void schedule(Schedule schedule) {
		int mask = 0;
		for (DayOfWeek day : schedule.days()) {
			mask |= 1 << (day.getValue() - 1);
		}
		this.scheduleType = schedule.type().value();
		this.scheduleDays = mask;
		this.scheduleCount = schedule.count();
	}

	public List<LocalTime> reminders() {
		if (this.reminders == null || this.reminders.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(this.reminders.split(",")).map(LocalTime::parse).toList();
	}

	public void reminders(List<LocalTime> times) {
		this.reminders = new ArrayList<>(times).stream()
			.distinct()
			.sorted()
			.map(LocalTime::toString)
			.collect(Collectors.joining(","));
	}

	public HabitSpec spec(List<HabitSpec.Pause> pauses) {
		return new HabitSpec(numeric(), this.target.doubleValue(), atMost(), schedule(), this.startDate, pauses);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getIcon() {
		return this.icon;
	}

	public void setIcon(String icon) {
		this.icon = icon;
	}

	public String getColour() {
		return this.colour;
	}

	public void setColour(String colour) {
		this.colour = colour;
	}

	public String getKind() {
		return this.kind;
	}

	public String getUnit() {
		return this.unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public BigDecimal getTarget() {
		return this.target;
	}

	public void setTarget(BigDecimal target) {
		this.target = target;
	}

	public String getTargetType() {
		return this.targetType;
	}

	public void setTargetType(String targetType) {
		this.targetType = targetType;
	}

	public LocalDate getStartDate() {
		return this.startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public UUID getGroupId() {
		return this.groupId;
	}

	public void setGroupId(UUID groupId) {
		this.groupId = groupId;
	}

	public int getPosition() {
		return this.position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

	public Instant getArchivedAt() {
		return this.archivedAt;
	}

	public void setArchivedAt(Instant archivedAt) {
		this.archivedAt = archivedAt;
	}

	public UUID getAssignedBy() {
		return this.assignedBy;
	}

	public String getRemindersText() {
		return this.reminders;
	}

}
