package com.crmhub.crm.audit;

import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.web.CorrelationIdFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Records every change to an {@link Audited} entity inside the transaction that makes it, so an audit entry exists exactly
 * when the change does. Hooked into Hibernate's events rather than the services, so that changes made by routes and
 * rules are audited as surely as those made through the API.
 */
@Component
public class AuditTrail implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PostCollectionUpdateEventListener {

    private static final Set<String> NOISE = Set.of("version", "updatedAt", "createdAt");

    private final CurrentUser currentUser;
    private final ObjectMapper objectMapper;

    public AuditTrail(EntityManagerFactory emf, CurrentUser currentUser, ObjectMapper objectMapper) {
        this.currentUser = currentUser;
        this.objectMapper = objectMapper;
        EventListenerRegistry registry = emf.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        Audited audited = audited(event.getEntity());
        if (audited == null) {
            return;
        }
        String[] names = event.getPersister().getPropertyNames();
        List<FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Object value = describe(event.getState()[i], event.getSession());
            if (value != null && !NOISE.contains(names[i]) && !(value instanceof Collection<?> c && c.isEmpty())) {
                changes.add(new FieldChange(names[i], null, value));
            }
        }
        write(event.getSession(), audited, event.getId(), "CREATED", changes);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        Audited audited = audited(event.getEntity());
        if (audited == null || event.getOldState() == null) {
            return;
        }
        String[] names = event.getPersister().getPropertyNames();
        List<FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (NOISE.contains(names[i]) || event.getPersister().getPropertyTypes()[i].isCollectionType()) {
                continue;
            }
            Object before = describe(event.getOldState()[i], event.getSession());
            Object after = describe(event.getState()[i], event.getSession());
            if (!Objects.equals(before, after)) {
                changes.add(new FieldChange(names[i], before, after));
            }
        }
        if (!changes.isEmpty()) {
            write(event.getSession(), audited, event.getId(), "UPDATED", changes);
        }
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        Object owner = event.getAffectedOwnerOrNull();
        Audited audited = audited(owner);
        if (audited == null) {
            return;
        }
        PersistentCollection<?> collection = event.getCollection();
        String role = collection.getRole();
        String field = role.substring(role.lastIndexOf('.') + 1);
        Object snapshot = snapshotValues(collection.getStoredSnapshot());
        if (collection instanceof Set<?> && snapshot instanceof Collection<?> elements) {
            // Sets are compared and stored sorted, old values as well as new.
            snapshot = new java.util.LinkedHashSet<>(elements);
        }
        Object before = describe(snapshot, event.getSession());
        Object after = describe(collection, event.getSession());
        if (!Objects.equals(before, after)) {
            write(event.getSession(), audited, event.getAffectedOwnerIdOrNull(), "UPDATED",
                    List.of(new FieldChange(field, before, after)));
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        Audited audited = audited(event.getEntity());
        if (audited != null) {
            write(event.getSession(), audited, event.getId(), "DELETED", List.of());
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private static Audited audited(Object entity) {
        return entity == null ? null : entity.getClass().getAnnotation(Audited.class);
    }

    private static Object snapshotValues(Object snapshot) {
        if (snapshot instanceof Map<?, ?> map) {
            // Sets snapshot as element -> element; maps as key -> value; lists and bags are lists already.
            return map.keySet().equals(Set.copyOf(map.values())) ? new ArrayList<>(map.keySet()) : map;
        }
        return snapshot;
    }

    /** Turns a property value into something stable to compare and store: ids for entities, lists for collections. */
    private Object describe(Object value, SharedSessionContractImplementor session) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof TemporalAccessor || value instanceof UUID) {
            return value instanceof java.math.BigDecimal bd ? bd.stripTrailingZeros().toPlainString() : value.toString();
        }
        if (value instanceof Collection<?> collection) {
            List<Object> items = new ArrayList<>();
            for (Object item : collection) {
                items.add(describe(item, session));
            }
            if (value instanceof Set<?>) {
                items.sort(java.util.Comparator.comparing(String::valueOf));
            }
            return items;
        }
        if (value instanceof Map<?, ?> map) {
            return new java.util.TreeMap<>(map.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> String.valueOf(e.getKey()), e -> String.valueOf(describe(e.getValue(), session)))));
        }
        if (value instanceof org.hibernate.proxy.HibernateProxy proxy) {
            // A lazy association: its id is known without loading it, and the proxy class has no persister of its own.
            return String.valueOf(proxy.getHibernateLazyInitializer().getInternalIdentifier());
        }
        if (session.getFactory().getMappingMetamodel().isEntityClass(value.getClass())) {
            return String.valueOf(session.getEntityPersister(null, value).getIdentifier(value, session));
        }
        try {
            return objectMapper.convertValue(value, Map.class);
        } catch (IllegalArgumentException e) {
            return value.toString();
        }
    }

    private void write(SharedSessionContractImplementor session, Audited audited, Object id, String action,
                       List<FieldChange> changes) {
        String json;
        try {
            json = objectMapper.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit changes", e);
        }
        session.doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(AuditLog.INSERT)) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, audited.value());
                ps.setString(3, String.valueOf(id));
                ps.setString(4, action);
                ps.setString(5, currentUser.actorName());
                ps.setString(6, MDC.get(CorrelationIdFilter.MDC_KEY));
                ps.setTimestamp(7, Timestamp.from(Instant.now()));
                ps.setString(8, json);
                ps.executeUpdate();
            }
        });
    }
}
