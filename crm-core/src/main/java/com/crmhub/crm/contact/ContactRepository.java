package com.crmhub.crm.contact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ContactRepository extends JpaRepository<Contact, Long>, JpaSpecificationExecutor<Contact> {

    /** Lists show each contact's account: fetched with the page rather than one query per contact. */
    @Override
    @EntityGraph(attributePaths = "account")
    Page<Contact> findAll(Specification<Contact> spec, Pageable pageable);

    List<Contact> findByEmail(String email);

    List<Contact> findByMobile(String mobile);

    /** By the stored (lower-case) address, with the account loaded; bounded, for matching. */
    @EntityGraph(attributePaths = "account")
    List<Contact> findTop50ByEmailOrderByIdAsc(String email);

    /** By the stored (E.164) number, with the account loaded; bounded, for matching. */
    @EntityGraph(attributePaths = "account")
    List<Contact> findTop50ByMobileOrderByIdAsc(String mobile);

    List<Contact> findByAccountIdOrderByIdAsc(Long accountId);

    /** With its account loaded, so that scope checks work after the transaction (the account is lazy otherwise). */
    // JPQL with a fetch join rather than a derived query with an entity graph: timelines ask this once an entry, and
    // Hibernate caches the plan of a JPQL string but translates a derived (criteria) query on every call.
    @Query("select c from Contact c join fetch c.account where c.id = ?1")
    Optional<Contact> findWithAccountById(Long id);
}
