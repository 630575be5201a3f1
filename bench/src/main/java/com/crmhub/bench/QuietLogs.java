package com.crmhub.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's own process has no logging configuration, so logback logs everything at DEBUG: Artemis' audit log
 * alone writes three lines per message, which would be measured along with the broker (floor, broker alone), and the
 * JDBC and HTTP clients of every measurement log each call. {@link Bench} turns it down before anything runs; the hub
 * and the simulators are processes of their own, with Spring Boot's logging.
 */
final class QuietLogs {

    private QuietLogs() {
    }

    static void warnOnly() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
}
