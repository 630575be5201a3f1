package com.crmhub.crm.pipeline;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PipelineRepository extends JpaRepository<Pipeline, Long> {

    /** The pipeline new deals go into; the service keeps at most one flagged. */
    Optional<Pipeline> findFirstByDefaultPipelineTrueOrderByIdAsc();

    List<Pipeline> findByDefaultPipelineTrue();

    boolean existsByNameIgnoreCase(String name);
}
