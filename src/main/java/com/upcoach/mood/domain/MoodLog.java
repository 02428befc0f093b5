package com.upcoach.mood.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.upcoach.shared.UserId;
import com.upcoach.sync.SyncedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

/**
 * One mood log: how the user felt at an instant, counted for their local day then.
 */
@Entity
@Table(name = "mood_logs")
public class MoodLog extends SyncedEntity {

	private int score;

	private Integer energy;

	private Integer stress;

	@Column(name = "sleep_hours", precision = 3, scale = 1)
	private BigDecimal sleepHours;

	private String note;

	@Column(name = "logged_at", nullable = false)
	private Instant loggedAt;

	@Column(name = "local_day", nullable = false)
	private LocalDate day;

	@ElementCollection
	@CollectionTable(name = "mood_log_tags", joinColumns = @JoinColumn(name = "mood_log_id"))
	@Column(name = "tag")
	@BatchSize(size = 100)
	private Set<String> tags = new LinkedHashSet<>();

	protected MoodLog() {
	}

	public MoodLog(UUID id, UserId owner, long syncSeq, Instant loggedAt, LocalDate day) {
		super(id, owner, syncSeq);
		this.loggedAt = loggedAt;
		this.day = day;
	}

	public int getScore() {
		return this.score;
	}

	public Integer getEnergy() {
		return this.energy;
	}

	public Integer getStress() {
		return this.stress;
	}

	public BigDecimal getSleepHours() {
		return this.sleepHours;
	}

	public String getNote() {
		return this.note;
	}

	public Instant getLoggedAt() {
		return this.loggedAt;
	}

	public LocalDate getDay() {
		return this.day;
	}

	/**
	 * @return the tags in alphabetical order
	 */
	public List<String> getTags() {
		List<String> sorted = new ArrayList<>(this.tags);
		sorted.sort(null);
		return sorted;
	}

	public boolean setScore(int score) {
		boolean changed = this.score != score;
		this.score = score;
		return changed;
	}

	public boolean setEnergy(Integer energy) {
		boolean changed = !Objects.equals(this.energy, energy);
		this.energy = energy;
		return changed;
	}

	public boolean setStress(Integer stress) {
		boolean changed = !Objects.equals(this.stress, stress);
		this.stress = stress;
		return changed;
	}

	public boolean setSleepHours(BigDecimal sleepHours) {
		boolean changed = (this.sleepHours == null) ? sleepHours != null
				: (sleepHours == null || this.sleepHours.compareTo(sleepHours) != 0);
		this.sleepHours = sleepHours;
		return changed;
	}

	public boolean setNote(String note) {
		boolean changed = !Objects.equals(this.note, note);
		this.note = note;
		return changed;
	}

	public boolean setLoggedAt(Instant loggedAt, LocalDate day) {
		boolean changed = !this.loggedAt.equals(loggedAt) || !this.day.equals(day);
		this.loggedAt = loggedAt;
		this.day = day;
		return changed;
	}

	public boolean setTags(Set<String> tags) {
		if (this.tags.equals(tags)) {
			return false;
		}
		this.tags.clear();
		this.tags.addAll(tags);
		return true;
	}

}
