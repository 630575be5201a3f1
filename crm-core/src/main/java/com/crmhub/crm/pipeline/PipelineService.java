package com.crmhub.crm.pipeline;

import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.security.HubUser;
import com.crmhub.crm.security.Role;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sales pipelines: readable by every user, defined by administrators and managers. */
@Service
@Transactional
public class PipelineService {

    private final PipelineRepository pipelines;
    private final CurrentUser currentUser;

    PipelineService(PipelineRepository pipelines, CurrentUser currentUser) {
        this.pipelines = pipelines;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public PageResponse<PipelineView> list(Integer page, Integer size) {
        Sort sort = Sort.by(Sort.Order.desc("defaultPipeline"), Sort.Order.asc("name"), Sort.Order.asc("id"));
        return PageResponse.of(pipelines.findAll(PageRequests.of(page, size, sort)), PipelineView::of);
    }

    @Transactional(readOnly = true)
    public PipelineView get(long id) {
        return PipelineView.of(pipelines.findById(id).orElseThrow(() -> new NotFoundException("pipeline", id)));
    }

    /** The pipeline new deals go into; the migrations seed one ("Standard"), so its absence is a broken database. */
    @Transactional(readOnly = true)
    public Pipeline defaultPipeline() {
        return pipelines.findFirstByDefaultPipelineTrueOrderByIdAsc()
                .orElseThrow(() -> new IllegalStateException("no default pipeline is configured"));
    }

    public PipelineView create(PipelineRequests.Create request) {
        HubUser user = currentUser.require();
        if (!(user.has(Role.ADMIN) || user.has(Role.MANAGER))) {
            throw new AccessDeniedException("pipelines are defined by administrators and managers");
        }
        PipelineRules.check(request.stages());
        String name = request.name().trim();
        if (pipelines.existsByNameIgnoreCase(name)) {
            throw new ConflictException("a pipeline named '" + name + "' already exists", Map.of("name", name));
        }
        Pipeline pipeline = new Pipeline(name);
        for (PipelineRequests.StageDraft s : request.stages()) {
            pipeline.addStage(s.name().trim(), s.position(), s.probability(), s.isClosed(), s.isWon(), s.staleAfterDays());
        }
        if (Boolean.TRUE.equals(request.isDefault())) {
            pipelines.findByDefaultPipelineTrue().forEach(p -> p.setDefault(false));
            pipeline.setDefault(true);
        }
        return PipelineView.of(pipelines.saveAndFlush(pipeline));
    }
}
