package com.crmhub.crm.lead;

import static com.crmhub.crm.lead.LeadStatus.ASSIGNED;
import static com.crmhub.crm.lead.LeadStatus.CONVERTED;
import static com.crmhub.crm.lead.LeadStatus.DISQUALIFIED;
import static com.crmhub.crm.lead.LeadStatus.IN_POOL;
import static com.crmhub.crm.lead.LeadStatus.NEW;
import static com.crmhub.crm.lead.LeadStatus.QUALIFIED;
import static com.crmhub.crm.lead.LeadStatus.WORKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.crm.shared.ConflictException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LeadStatusMachineTests {

    /** Asserts that {@code action} moves exactly the statuses in {@code allowed} to the given targets, and no other. */
    private static void assertTable(LeadAction action, Map<LeadStatus, LeadStatus> allowed) {
        for (LeadStatus from : LeadStatus.values()) {
            Optional<LeadStatus> next = LeadStatusMachine.next(from, action);
            if (allowed.containsKey(from)) {
                assertThat(next).as("%s from %s", action, from).contains(allowed.get(from));
                assertThat(LeadStatusMachine.require(from, action)).isEqualTo(allowed.get(from));
            } else {
                assertThat(next).as("%s from %s", action, from).isEmpty();
                assertThatThrownBy(() -> LeadStatusMachine.require(from, action))
                        .as("%s from %s", action, from)
                        .isInstanceOf(ConflictException.class)
                        .satisfies(e -> assertThat(((ConflictException) e).properties())
                                .containsEntry("currentStatus", from.name())
                                .containsEntry("action", action.name()));
            }
        }
    }

    private static Map<LeadStatus, LeadStatus> moves(LeadStatus... pairs) {
        Map<LeadStatus, LeadStatus> map = new EnumMap<>(LeadStatus.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Nested
    class Assign {
        @Test
        void newAndPoolLeadsBecomeAssignedAndOwnedOpenLeadsKeepTheirStatus() {
            assertTable(LeadAction.ASSIGN, moves(NEW, ASSIGNED, IN_POOL, ASSIGNED, ASSIGNED, ASSIGNED,
                    WORKING, WORKING, QUALIFIED, QUALIFIED));
        }
    }

    @Nested
    class Pool {
        @Test
        void onlyNewLeadsAreRoutedToThePool() {
            assertTable(LeadAction.POOL, moves(NEW, IN_POOL));
        }
    }

    @Nested
    class Claim {
        @Test
        void onlyPoolLeadsAreClaimed() {
            assertTable(LeadAction.CLAIM, moves(IN_POOL, ASSIGNED));
        }
    }

    @Nested
    class Release {
        @Test
        void assignedAndWorkingLeadsGoBackToThePool() {
            assertTable(LeadAction.RELEASE, moves(ASSIGNED, IN_POOL, WORKING, IN_POOL));
        }
    }

    @Nested
    class ForwardMoves {
        @Test
        void onlyAssignedLeadsStartWorking() {
            assertTable(LeadAction.START_WORKING, moves(ASSIGNED, WORKING));
        }

        @Test
        void onlyWorkingLeadsQualify() {
            assertTable(LeadAction.QUALIFY, moves(WORKING, QUALIFIED));
        }

        @Test
        void onlyQualifiedLeadsConvert() {
            assertTable(LeadAction.CONVERT, moves(QUALIFIED, CONVERTED));
        }

        @Test
        void theWholeForwardPathIsReachable() {
            LeadStatus s = NEW;
            s = LeadStatusMachine.require(s, LeadAction.ASSIGN);
            s = LeadStatusMachine.require(s, LeadAction.START_WORKING);
            s = LeadStatusMachine.require(s, LeadAction.QUALIFY);
            s = LeadStatusMachine.require(s, LeadAction.CONVERT);
            assertThat(s).isEqualTo(CONVERTED);
        }
    }

    @Nested
    class Disqualify {
        @Test
        void everyOpenStatusMayBeDisqualified() {
            assertTable(LeadAction.DISQUALIFY, moves(NEW, DISQUALIFIED, ASSIGNED, DISQUALIFIED, IN_POOL, DISQUALIFIED,
                    WORKING, DISQUALIFIED, QUALIFIED, DISQUALIFIED));
        }
    }

    @Nested
    class Edit {
        @Test
        void openLeadsAreEditableAndKeepTheirStatus() {
            assertTable(LeadAction.EDIT, moves(NEW, NEW, ASSIGNED, ASSIGNED, IN_POOL, IN_POOL, WORKING, WORKING,
                    QUALIFIED, QUALIFIED));
        }
    }

    @Nested
    class FinalStatuses {
        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"CONVERTED", "DISQUALIFIED"})
        void allowNothingAtAll(LeadStatus status) {
            assertThat(status.isFinal()).isTrue();
            for (LeadAction action : LeadAction.values()) {
                assertThat(LeadStatusMachine.next(status, action)).as("%s from %s", action, status).isEmpty();
            }
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"CONVERTED", "DISQUALIFIED"}, mode = EnumSource.Mode.EXCLUDE)
        void everyOtherStatusHasAWayOut(LeadStatus status) {
            assertThat(status.isFinal()).isFalse();
            assertThat(LeadStatusMachine.next(status, LeadAction.DISQUALIFY)).contains(DISQUALIFIED);
        }
    }

    @Nested
    class Reachability {
        @Test
        void everyStatusButNewIsReachableFromNew() {
            EnumSet<LeadStatus> seen = EnumSet.of(NEW);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (LeadStatus from : EnumSet.copyOf(seen)) {
                    for (LeadAction action : LeadAction.values()) {
                        grew |= LeadStatusMachine.next(from, action).map(seen::add).orElse(false);
                    }
                }
            }
            assertThat(seen).containsExactlyInAnyOrder(LeadStatus.values());
        }

        @Test
        void nothingLeadsBackToNew() {
            for (LeadStatus from : EnumSet.complementOf(EnumSet.of(NEW))) {
                for (LeadAction action : LeadAction.values()) {
                    assertThat(LeadStatusMachine.next(from, action)).as("%s from %s", action, from).isNotEqualTo(Optional.of(NEW));
                }
            }
        }
    }
}
