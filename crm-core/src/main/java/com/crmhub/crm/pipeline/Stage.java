package com.crmhub.crm.pipeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One step of a pipeline. {@code probability} (0..1) weighs a deal's amount in forecasts; a closed stage ends the
 * deal, as won or lost; a deal that stays longer than {@code staleAfterDays} in a stage is flagged stale.
 */
@Entity
@Table(name = "pipeline_stage")
public class Stage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pipeline_stage_seq")
    @SequenceGenerator(name = "pipeline_stage_seq", sequenceName = "pipeline_stage_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pipeline_id", nullable = false)
    private Pipeline pipeline;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "stage_position", nullable = false)
    private int position;

    @Column(name = "probability", nullable = false, precision = 5, scale = 4)
    private BigDecimal probability;

    @Column(name = "closed", nullable = false)
    private boolean closed;

    @Column(name = "won", nullable = false)
    private boolean won;

    @Column(name = "stale_after_days")
    private Integer staleAfterDays;

    protected Stage() {
    }

    Stage(Pipeline pipeline, String name, int position, BigDecimal probability, boolean closed, boolean won,
          Integer staleAfterDays) {
        this.pipeline = pipeline;
        this.name = name;
        this.position = position;
        this.probability = probability.setScale(4, RoundingMode.HALF_UP);
        this.closed = closed;
        this.won = won;
        this.staleAfterDays = staleAfterDays;
    }

    public Long getId() {
        return id;
    }

    public Pipeline getPipeline() {
        return pipeline;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public BigDecimal getProbability() {
        return probability;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Only meaningful for a closed stage: won rather than lost. */
    public boolean isWon() {
        return won;
    }

    public boolean isClosedWon() {
        return closed && won;
    }

    public boolean isClosedLost() {
        return closed && !won;
    }

    public Integer getStaleAfterDays() {
        return staleAfterDays;
    }

    @Override
    public String toString() {
        return "Stage[" + id + ", " + name + "]";
    }
}
