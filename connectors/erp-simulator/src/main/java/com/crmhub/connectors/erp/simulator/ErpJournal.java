package com.crmhub.connectors.erp.simulator;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated ERP's books on disk ({@code hub.erp-simulator.journal}), so that killing the simulator loses nothing
 * it answered, as with a real ERP: every change is one JSON line, appended before it is applied and answered, and read
 * back on start. Without a file the books live in memory only and nothing is written.
 *
 * <p>Each line is handed to the operating system in one write and not fsync'd: a process killed with SIGKILL keeps all
 * it wrote (the kernel holds it); only a machine crash could lose the tail, which the crash harness does not simulate.
 * A process killed in the middle of a write leaves a torn last line, which was never answered: it is dropped with a
 * warning. An unreadable line anywhere else means the file was damaged otherwise, and the simulator refuses to start.
 */
final class ErpJournal implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(ErpJournal.class);

    /** Its own mapper, not the hub's: the file's format must not follow the application's JSON settings. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Path file;
    private OutputStream out;
    private boolean closed;

    /** @param file the journal, created if missing; null: in memory only */
    ErpJournal(Path file) {
        this.file = file;
    }

    /**
     * Reads the entries on file, oldest first, drops a torn last line (cutting it off, so what is appended next starts
     * a line of its own) and opens the file for appending. Called once, before the first {@link #append}.
     */
    synchronized List<Entry> replay() {
        if (file == null) {
            return List.of();
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            byte[] content = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            List<Entry> entries = new ArrayList<>();
            long intact = read(content, entries);
            if (intact < content.length) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(intact);
                }
            }
            out = new FileOutputStream(file.toFile(), true);
            log.info("ERP simulator journal {}: {} entries read back", file, entries.size());
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ERP simulator's journal " + file, e);
        }
    }

    /** Appends one change; it is on file (in the OS) when this returns. Fails if the journal is closed. */
    synchronized void append(Entry entry) {
        if (file == null) {
            return;
        }
        if (out == null || closed) {
            throw new IllegalStateException("the ERP simulator's journal " + file + " is not open");
        }
        try {
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ERP simulator's journal " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                log.warn("ERP simulator journal {} did not close cleanly", file, e);
            }
        }
    }

    /** @return the length of the intact part: everything but a torn last line */
    private long read(byte[] content, List<Entry> entries) {
        int start = 0;
        int lineNo = 0;
        while (start < content.length) {
            lineNo++;
            int end = indexOf(content, (byte) '\n', start);
            boolean last = end < 0 || end == content.length - 1;
            String line = new String(Arrays.copyOfRange(content, start, end < 0 ? content.length : end),
                    StandardCharsets.UTF_8);
            if (end < 0) {
                // Not terminated: its write never returned, so nobody was told of it.
                log.warn("ERP simulator journal {}: torn last line {} dropped ({} bytes)", file, lineNo,
                        content.length - start);
                return start;
            }
            if (!line.isBlank()) {
                try {
                    entries.add(JSON.readValue(line, Entry.class));
                } catch (JsonProcessingException e) {
                    if (!last) {
                        throw new IllegalStateException("ERP simulator journal " + file + " is damaged at line "
                                + lineNo + " (not just a torn last line): " + e.getOriginalMessage(), e);
                    }
                    log.warn("ERP simulator journal {}: unreadable last line {} dropped", file, lineNo);
                    return start;
                }
            }
            start = end + 1;
        }
        return content.length;
    }

    private static int indexOf(byte[] content, byte wanted, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** One change to the books. Entries hold outcomes (numbers, reservations), so replaying needs no decisions. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Reset.class, name = "reset"),
            @JsonSubTypes.Type(value = StockSet.class, name = "stock-set"),
            @JsonSubTypes.Type(value = OrderCreated.class, name = "order-created"),
            @JsonSubTypes.Type(value = CreateRefused.class, name = "create-refused"),
            @JsonSubTypes.Type(value = OrderCancelled.class, name = "order-cancelled"),
            @JsonSubTypes.Type(value = Shipped.class, name = "shipped"),
            @JsonSubTypes.Type(value = NoticeAttempted.class, name = "notice-attempted")})
    sealed interface Entry {
    }

    /** Back to this catalogue: no orders, no notices, call counts at 0 (order and tracking numbers go on). */
    record Reset(Map<String, BigDecimal> stock) implements Entry {
    }

    record StockSet(String sku, BigDecimal onHand) implements Entry {
    }

    /** A CreateSalesOrder call that made an order, with what each line reserved. */
    record OrderCreated(String erpOrderNo, String externalRef, String customerCode, String currency,
                        Instant createdAt, List<OrderedLine> lines) implements Entry {
    }

    record OrderedLine(int lineNo, String sku, BigDecimal ordered, BigDecimal reserved, BigDecimal unitPrice) {
    }

    /** A CreateSalesOrder call refused: {@code DUPLICATE} or the ValidationFault's code. */
    record CreateRefused(String externalRef, String reason) implements Entry {
    }

    record OrderCancelled(String erpOrderNo) implements Entry {
    }

    /** The order's reserved, unshipped units left the warehouse; the notice with this id is now to be delivered. */
    record Shipped(String erpOrderNo, String noticeId, String trackingNo, Instant shippedAt) implements Entry {
    }

    /** One delivery attempt of a shipment notice to the hub, numbered from 1. */
    record NoticeAttempted(String noticeId, int attempt, boolean accepted, String error) implements Entry {
    }
}
