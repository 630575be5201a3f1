package com.crmhub.crm.deal;

import com.crmhub.crm.account.Account;
import com.crmhub.crm.audit.Audited;
import com.crmhub.crm.contact.Contact;
import com.crmhub.crm.pipeline.Pipeline;
import com.crmhub.crm.pipeline.Stage;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.ScopedRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.BatchSize;

/**
 * A sales opportunity on an account, moving through its pipeline's stages until it is won or lost. The entity owns
 * the state machine (stage moves only while OPEN and only to open stages of its own pipeline; closing goes through
 * {@link #win} and {@link #lose}) and keeps {@code amount} equal to its lines' total, stored so lists can filter and
 * sort on it.
 */
@Entity
@Table(name = "deal")
@Audited("deal")
public class Deal extends ScopedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deal_seq")
    @SequenceGenerator(name = "deal_seq", sequenceName = "deal_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    private Contact contact;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pipeline_id", nullable = false, updatable = false)
    private Pipeline pipeline;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "stage_id", nullable = false)
    private Stage stage;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    /** ISO 4217 code. */
    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "expected_close_date")
    private LocalDate expectedCloseDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private DealStatus status;

    @Column(name = "lost_reason", length = 500)
    private String lostReason;

    /** Sum of quantity x unit price over the lines, rounded to cents; maintained by {@link #replaceLines}. */
    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    /** A rough value before the deal has lines (for example a lead's budget); never part of {@code amount}. */
    @Column(name = "estimated_amount", precision = 19, scale = 2)
    private BigDecimal estimatedAmount;

    @Column(name = "stage_entered_at", nullable = false)
    private Instant stageEnteredAt;

    @Column(name = "won_at")
    private Instant wonAt;

    @Column(name = "lost_at")
    private Instant lostAt;

    @ElementCollection
    @CollectionTable(name = "deal_line", joinColumns = @JoinColumn(name = "deal_id"))
    @OrderBy("lineNo")
    @BatchSize(size = 50)
    private List<DealLine> lines = new ArrayList<>();

    protected Deal() {
    }

    /** A new OPEN deal in {@code stage}, which must be an open stage of {@code pipeline}. */
    public Deal(Account account, Pipeline pipeline, Stage stage, String name, String currency, Instant now) {
        if (!pipeline.contains(stage)) {
            throw new InvalidFieldException("stageId", "stage " + stage.getId() + " is not a stage of pipeline "
                    + pipeline.getName());
        }
        if (stage.isClosed()) {
            throw new InvalidFieldException("stageId", "a deal starts in an open stage; win or lose it afterwards");
        }
        this.account = Objects.requireNonNull(account, "account");
        this.pipeline = pipeline;
        this.stage = stage;
        this.name = name;
        this.currency = currency;
        this.status = DealStatus.OPEN;
        this.amount = BigDecimal.ZERO.setScale(2);
        this.stageEnteredAt = now;
    }

    /**
     * Moves an OPEN deal to another open stage of its pipeline. Returns the change, or null when the deal is already
     * there (nothing happens, so stageEnteredAt keeps counting).
     */
    public StageChange moveTo(Stage target, Instant now) {
        requireOpen("change the stage of");
        if (!pipeline.contains(target)) {
            throw new InvalidFieldException("stageId", "stage " + target.getId() + " is not a stage of the deal's pipeline "
                    + pipeline.getName());
        }
        if (target.isClosed()) {
            throw new ConflictException("stage '" + target.getName() + "' closes the deal; use win or lose instead",
                    Map.of("currentStatus", status, "field", "stageId"));
        }
        if (target.getId() != null && target.getId().equals(stage.getId()) || target == stage) {
            return null;
        }
        return enter(target, now);
    }

    /** Wins an OPEN deal that has at least one line: it moves to the pipeline's won stage. */
    public StageChange win(Instant now) {
        requireOpen("win");
        if (lines.isEmpty()) {
            throw new ConflictException("a deal needs at least one line (product) to be won; add lines first",
                    Map.of("currentStatus", status, "field", "lines"));
        }
        Stage won = pipeline.wonStage()
                .orElseThrow(() -> new IllegalStateException("pipeline " + pipeline.getId() + " has no won stage"));
        StageChange change = enter(won, now);
        status = DealStatus.WON;
        wonAt = now;
        return change;
    }

    /** Loses an OPEN deal, for the given reason: it moves to the pipeline's lost stage. */
    public StageChange lose(String reason, Instant now) {
        requireOpen("lose");
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "must not be blank");
        }
        Stage lost = pipeline.lostStage()
                .orElseThrow(() -> new IllegalStateException("pipeline " + pipeline.getId() + " has no lost stage"));
        StageChange change = enter(lost, now);
        status = DealStatus.LOST;
        lostReason = reason.trim();
        lostAt = now;
        return change;
    }

    /** Replaces the lines in place (so the audit trail sees old and new) and recomputes the amount. */
    public void replaceLines(List<DealLine> newLines) {
        requireOpen("change the lines of");
        lines.clear();
        lines.addAll(newLines);
        amount = total(lines);
    }

    /** Sum of quantity x unit price, rounded half-up to cents once, at the end. */
    public static BigDecimal total(List<DealLine> lines) {
        return lines.stream().map(DealLine::netValue).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** amount x the current stage's probability, rounded to cents. */
    public BigDecimal weightedAmount() {
        return amount.multiply(stage.getProbability()).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whole days since the deal entered its current stage. */
    public long daysInStage(Instant now) {
        return Math.max(0, java.time.Duration.between(stageEnteredAt, now).toDays());
    }

    /** An OPEN deal that has sat in its stage longer than the stage allows. */
    public boolean isStale(Instant now) {
        Integer limit = stage.getStaleAfterDays();
        return status == DealStatus.OPEN && limit != null && daysInStage(now) > limit;
    }

    void requireOpen(String action) {
        if (status != DealStatus.OPEN) {
            throw new ConflictException("cannot " + action + " a deal that is " + status,
                    Map.of("currentStatus", status));
        }
    }

    private StageChange enter(Stage target, Instant now) {
        StageChange change = new StageChange(stage, target);
        stage = target;
        stageEnteredAt = now;
        return change;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public Contact getContact() {
        return contact;
    }

    /** The caller checks that the contact belongs to the deal's account. */
    public void setContact(Contact contact) {
        this.contact = contact;
    }

    public Pipeline getPipeline() {
        return pipeline;
    }

    public Stage getStage() {
        return stage;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public LocalDate getExpectedCloseDate() {
        return expectedCloseDate;
    }

    public void setExpectedCloseDate(LocalDate expectedCloseDate) {
        this.expectedCloseDate = expectedCloseDate;
    }

    public DealStatus getStatus() {
        return status;
    }

    public String getLostReason() {
        return lostReason;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getEstimatedAmount() {
        return estimatedAmount;
    }

    public void setEstimatedAmount(BigDecimal estimatedAmount) {
        this.estimatedAmount = estimatedAmount == null ? null : estimatedAmount.setScale(2, RoundingMode.HALF_UP);
    }

    public Instant getStageEnteredAt() {
        return stageEnteredAt;
    }

    public Instant getWonAt() {
        return wonAt;
    }

    public Instant getLostAt() {
        return lostAt;
    }

    public List<DealLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
