package com.crmhub.crm.audit;

import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.security.Role;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.ScopeAware;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit?entity=deal&id=42}: the change history of one record, to whoever may see the record.
 * History of deleted records is for ADMIN and OPERATOR only.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditLog auditLog;
    private final EntityManager entityManager;
    private final DataScope dataScope;
    private final CurrentUser currentUser;

    AuditController(AuditLog auditLog, EntityManager entityManager, DataScope dataScope, CurrentUser currentUser) {
        this.auditLog = auditLog;
        this.entityManager = entityManager;
        this.dataScope = dataScope;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<AuditEntryView> history(@RequestParam String entity, @RequestParam String id) {
        EntityType<?> type = entityType(entity)
                .orElseThrow(() -> new InvalidFieldException("entity", "unknown entity '" + entity + "'"));
        Object key = parseId(type, id);
        Object record = entityManager.find(type.getJavaType(), key);
        if (record instanceof ScopeAware scoped) {
            dataScope.readable(scoped, entity, id);
        } else if (record == null && !(currentUser.require().has(Role.ADMIN) || currentUser.require().has(Role.OPERATOR))) {
            throw new NotFoundException(entity, id);
        }
        return auditLog.entriesFor(type.getJavaType().getAnnotation(Audited.class).value(), String.valueOf(key));
    }

    private Optional<EntityType<?>> entityType(String name) {
        return entityManager.getMetamodel().getEntities().stream()
                .filter(t -> t.getJavaType().isAnnotationPresent(Audited.class))
                .filter(t -> t.getJavaType().getAnnotation(Audited.class).value().equalsIgnoreCase(name))
                .findFirst();
    }

    private static Object parseId(EntityType<?> type, String id) {
        Class<?> idType = type.getIdType().getJavaType();
        try {
            if (idType == Long.class || idType == long.class) {
                return Long.valueOf(id);
            }
            if (idType == java.util.UUID.class) {
                return java.util.UUID.fromString(id);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("id", "is not a valid id");
        }
    }
}
