package com.crmhub.crm.pipeline;

import com.crmhub.crm.shared.VersionedRecord;
import com.crmhub.crm.audit.Audited;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.BatchSize;

/**
 * A sales process: ordered stages, exactly one of them closed-won and one closed-lost (see {@link PipelineRules}).
 * Reference data, readable by everyone. New deals go into the default pipeline unless they name another.
 */
@Entity
@Table(name = "pipeline")
@Audited("pipeline")
public class Pipeline extends VersionedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pipeline_seq")
    @SequenceGenerator(name = "pipeline_seq", sequenceName = "pipeline_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "is_default", nullable = false)
    private boolean defaultPipeline;

    @OneToMany(mappedBy = "pipeline", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 50)
    private List<Stage> stages = new ArrayList<>();

    protected Pipeline() {
    }

    public Pipeline(String name) {
        this.name = name;
    }

    public Stage addStage(String name, int position, BigDecimal probability, boolean closed, boolean won,
                          Integer staleAfterDays) {
        Stage stage = new Stage(this, name, position, probability, closed, won, staleAfterDays);
        stages.add(stage);
        stages.sort(Comparator.comparingInt(Stage::getPosition));
        return stage;
    }

    /** The stages in pipeline order. */
    public List<Stage> getStages() {
        return Collections.unmodifiableList(stages);
    }

    /** Where new deals start: the open stage with the lowest position. */
    public Optional<Stage> firstOpenStage() {
        return stages.stream().filter(s -> !s.isClosed()).min(Comparator.comparingInt(Stage::getPosition));
    }

    public Optional<Stage> wonStage() {
        return stages.stream().filter(Stage::isClosedWon).findFirst();
    }

    public Optional<Stage> lostStage() {
        return stages.stream().filter(Stage::isClosedLost).findFirst();
    }

    public boolean contains(Stage stage) {
        return stage != null && (stage.getPipeline() == this
                || id != null && stage.getPipeline() != null && id.equals(stage.getPipeline().getId()));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isDefault() {
        return defaultPipeline;
    }

    public void setDefault(boolean defaultPipeline) {
        this.defaultPipeline = defaultPipeline;
    }

}
