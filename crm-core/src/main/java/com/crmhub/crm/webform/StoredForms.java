package com.crmhub.crm.webform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Forms defined through the admin API, one JSON document each. Plain JDBC: the document is a text column. */
@Component
class StoredForms {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    StoredForms(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<FormDefinition> find(String key) {
        return jdbc.query("select form_key, settings, version from web_form where form_key = ?",
                (rs, row) -> definition(rs.getString(1), rs.getString(2), rs.getLong(3)), key).stream().findFirst();
    }

    List<FormDefinition> all() {
        return jdbc.query("select form_key, settings, version from web_form order by form_key",
                (rs, row) -> definition(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    void insert(String key, FormSettings settings, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into web_form (form_key, settings, updated_by, version, created_at, updated_at) "
                + "values (?, ?, ?, 0, ?, ?)", key, write(settings), by, now, now);
    }

    /** Replaces the settings if the form is still at {@code version}; false when someone changed it meanwhile. */
    boolean update(String key, FormSettings settings, long version, String by) {
        return jdbc.update("update web_form set settings = ?, updated_by = ?, version = version + 1, updated_at = ? "
                        + "where form_key = ? and version = ?",
                write(settings), by, Timestamp.from(Instant.now()), key, version) == 1;
    }

    boolean delete(String key) {
        return jdbc.update("delete from web_form where form_key = ?", key) == 1;
    }

    private FormDefinition definition(String key, String settings, long version) {
        try {
            return new FormDefinition(key, json.readValue(settings, FormSettings.class), FormOrigin.API, version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("web_form " + key + " holds unreadable settings", e);
        }
    }

    private String write(FormSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
