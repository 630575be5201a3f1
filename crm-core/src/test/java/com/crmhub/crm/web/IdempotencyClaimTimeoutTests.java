package com.crmhub.crm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.crm.shared.H2Placeholders;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

/** A retry of a request whose hub died while running it: blocked for a while, then run afresh. */
class IdempotencyClaimTimeoutTests {

    private static final String KEY = "win-deal-42";
    private static final String PATH = "/api/v1/deals/42/win";

    @TempDir
    Path folder;

    private JdbcTemplate jdbc;
    private IdempotencyStore store;
    private IdempotencyFilter filter;
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:file:" + folder.resolve("hub").toAbsolutePath(), "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(H2Placeholders.DEFAULT)
                .load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new IdempotencyStore(jdbc);
        filter = new IdempotencyFilter(store, new ProblemWriter(new ObjectMapper()),
                new ApiProperties(DataSize.ofMegabytes(1), Duration.ofHours(24), Duration.ofMinutes(2)));
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("alice", null,
                List.of(new SimpleGrantedAuthority("ROLE_SALES"))));
    }

    @AfterEach
    void clearSecurity() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRetryWhileTheFirstAttemptMayStillBeRunningIsAConflict() throws Exception {
        abandonedClaim(Duration.ofSeconds(30));

        MockHttpServletResponse retry = post();

        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(runs).hasValue(0);
    }

    @Test
    void aRetryTakesOverAClaimLeftUnfinishedLongerThanTheTimeoutAndItsAnswerIsReplayedAfterwards() throws Exception {
        abandonedClaim(Duration.ofMinutes(3));

        MockHttpServletResponse retry = post();
        MockHttpServletResponse again = post();

        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(retry.getContentAsString()).isEqualTo("{\"status\":\"WON\"}");
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getContentAsString()).isEqualTo("{\"status\":\"WON\"}");
        assertThat(runs).as("the request ran once, on the retry that took the claim over").hasValue(1);
    }

    @Test
    void anOldClaimOfAnotherRequestUnderTheSameKeyIsStillRefused() throws Exception {
        store.claim(IdempotencyStore.id("alice", KEY), "alice", KEY, "another request's hash");
        backdate(Duration.ofMinutes(3));

        assertThat(post().getStatus()).isEqualTo(422);
        assertThat(runs).hasValue(0);
    }

    /** What a hub killed mid-request leaves behind: the claim of this request, without a stored answer. */
    private void abandonedClaim(Duration age) {
        String hash = IdempotencyStore.sha256(("POST " + PATH + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(store.claim(IdempotencyStore.id("alice", KEY), "alice", KEY, hash)).isTrue();
        backdate(age);
    }

    private void backdate(Duration age) {
        jdbc.update("update idempotency_record set created_at = ?", Timestamp.from(Instant.now().minus(age)));
    }

    private MockHttpServletResponse post() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
        request.addHeader(IdempotencyFilter.HEADER, KEY);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            runs.incrementAndGet();
            res.setContentType("application/json");
            res.getWriter().write("{\"status\":\"WON\"}");
        });
        return response;
    }
}
