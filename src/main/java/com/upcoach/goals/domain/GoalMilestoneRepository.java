package com.upcoach.goals.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface GoalMilestoneRepository extends JpaRepository<GoalMilestone, UUID> {

	Optional<GoalMilestone> findByIdAndUserId(UUID id, UUID userId);

	Page<GoalMilestone> findByGoalId(UUID goalId, Pageable pageable);

	List<GoalMilestone> findByGoalId(UUID goalId);

	@Query("""
			select count(m), coalesce(sum(case when m.completedAt is not null then 1 else 0 end), 0)
			from GoalMilestone m where m.goalId = :goalId""")
	List<Object[]> counts(UUID goalId);

	List<GoalMilestone> findByUserIdAndSyncSeqGreaterThanOrderBySyncSeq(UUID userId, long after, Limit limit);

}
