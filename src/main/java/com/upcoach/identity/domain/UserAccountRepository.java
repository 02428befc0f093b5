package com.upcoach.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.upcoach.shared.Role;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

	Optional<UserAccount> findByEmail(String email);

	boolean existsByEmail(String email);

	@Query("""
			select u from UserAccount u
			where (:role is null or u.role = :role)
			  and (:status is null or u.status = :status)
			  and (:search is null
			       or lower(u.displayName) like :search escape '\\'
			       or u.email like :search escape '\\')
			""")
	Page<UserAccount> search(@Param("search") String search, @Param("role") Role role,
			@Param("status") AccountStatus status, Pageable pageable);

	@Query("""
			select u from UserAccount u
			where u.id in :ids
			  and (:role is null or u.role = :role)
			  and (:status is null or u.status = :status)
			  and (:search is null
			       or lower(u.displayName) like :search escape '\\'
			       or u.email like :search escape '\\')
			""")
	Page<UserAccount> searchAmong(@Param("ids") Collection<UUID> ids, @Param("search") String search,
			@Param("role") Role role, @Param("status") AccountStatus status, Pageable pageable);

	long countByRoleAndStatus(Role role, AccountStatus status);

	@Query("select distinct u.timeZone from UserAccount u where u.status = :status")
	List<String> findTimeZonesByStatus(@Param("status") AccountStatus status);

	Slice<UserAccount> findByStatusAndTimeZoneIn(AccountStatus status, Collection<String> timeZones, Pageable pageable);

	/**
	 * Ids of accounts in a status after a given id, in id order: a keyset page that stays
	 * stable while accounts are added.
	 */
	@Query("select u.id from UserAccount u where u.status = :status and u.id > :after order by u.id")
	List<UUID> idsAfter(@Param("status") AccountStatus status, @Param("after") UUID after, Pageable pageable);

	@Query("select u.id from UserAccount u where u.status = :status order by u.id")
	List<UUID> ids(@Param("status") AccountStatus status, Pageable pageable);

}
