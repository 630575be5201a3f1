package com.crmhub.crm.contact;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ContactRepository extends JpaRepository<Contact, Long>, JpaSpecificationExecutor<Contact> {

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
    @EntityGraph(attributePaths = "account")
    Optional<Contact> findWithAccountById(Long id);
}
