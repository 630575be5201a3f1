package com.crmhub.crm.pipeline;

import com.crmhub.crm.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What makes a pipeline usable: deals start in an open stage and end in exactly one closed-won or one closed-lost
 * stage, so win and lose always know where to go; positions order the stages and must be unique.
 */
final class PipelineRules {

    private PipelineRules() {
    }

    /** Throws a 400 naming the first offending field ({@code stages} or {@code stages[i].field}). */
    static void check(List<PipelineRequests.StageDraft> stages) {
        if (stages == null || stages.isEmpty()) {
            throw new InvalidFieldException("stages", "a pipeline needs stages");
        }
        Map<Integer, Integer> positions = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        int won = 0;
        int lost = 0;
        int open = 0;
        for (int i = 0; i < stages.size(); i++) {
            PipelineRequests.StageDraft s = stages.get(i);
            String at = "stages[" + i + "]";
            if (s == null) {
                throw new InvalidFieldException(at, "must not be null");
            }
            if (s.probability() == null || s.probability().compareTo(BigDecimal.ZERO) < 0
                    || s.probability().compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidFieldException(at + ".probability", "must be between 0 and 1");
            }
            if (s.position() == null) {
                throw new InvalidFieldException(at + ".position", "must not be null");
            }
            Integer samePosition = positions.putIfAbsent(s.position(), i);
            if (samePosition != null) {
                throw new InvalidFieldException(at + ".position",
                        "position " + s.position() + " is already used by stages[" + samePosition + "]");
            }
            if (s.name() != null) {
                Integer sameName = names.putIfAbsent(s.name().trim().toLowerCase(Locale.ROOT), i);
                if (sameName != null) {
                    throw new InvalidFieldException(at + ".name", "name is already used by stages[" + sameName + "]");
                }
            }
            if (s.isWon() && !s.isClosed()) {
                throw new InvalidFieldException(at + ".won", "a won stage must be closed");
            }
            if (s.isClosed() && s.isWon()) {
                won++;
            } else if (s.isClosed()) {
                lost++;
            } else {
                open++;
            }
        }
        if (won != 1) {
            throw new InvalidFieldException("stages", "needs exactly one closed won stage, found " + won);
        }
        if (lost != 1) {
            throw new InvalidFieldException("stages", "needs exactly one closed lost stage, found " + lost);
        }
        if (open == 0) {
            throw new InvalidFieldException("stages", "needs at least one open stage for deals to start in");
        }
    }
}
