package com.pulsevault.catalog;

import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Role;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog index in the server's datasource ({@code java:comp/DefaultDataSource} unless the server
 * maps it elsewhere): a copy of what lists need, kept in step with meta.json and rebuilt from it. Each
 * write is its own transaction, so a failed index write never takes an upload or a transcode with it.
 */
@Stateless
public class CatalogIndex {

    @PersistenceContext(unitName = "catalog")
    EntityManager em;

    /** Stores the video's state unless the index has this version already (or a later one). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void put(Video video) {
        CatalogEntry entry = em.find(CatalogEntry.class, video.id().value());
        boolean changed = true;
        if (entry == null) {
            em.persist(CatalogEntry.of(video));
        } else {
            changed = entry.copy(video);
        }
        if (changed) {
            em.createQuery("DELETE FROM CatalogMetadata m WHERE m.videoId = :id").setParameter("id", video.id().value()).executeUpdate();
            CatalogMetadata.of(video).forEach(em::persist);
        }
    }

    /** The version indexed for each video id, to tell what a rebuild must still copy. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Long> versions() {
        Map<String, Long> versions = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT e.videoId, e.indexedVersion FROM CatalogEntry e", Object[].class).getResultList()) {
            versions.put((String) row[0], (Long) row[1]);
        }
        return versions;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void clear() {
        em.createQuery("DELETE FROM CatalogMetadata m").executeUpdate();
        em.createQuery("DELETE FROM CatalogEntry e").executeUpdate();
    }

    /** One page of what {@code caller} may see, newest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CatalogPage page(Caller caller, VideoFilter filter) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM CatalogEntry e WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!caller.has(Role.CLINICAL_APP)) { // the same rule as AccessRules.maySee, as a query
            jpql.append(" AND (e.owner = :subject");
            int i = 0;
            for (String team : caller.teams()) {
                jpql.append(" OR e.teams LIKE :team").append(i).append(" ESCAPE '!'");
                params.put("team" + i++, like(team));
            }
            jpql.append(")");
            params.put("subject", caller.subject());
        }
        if (filter.status() != null) {
            jpql.append(" AND e.status = :status");
            params.put("status", filter.status().wire());
        } else { // tombstones only when asked for
            jpql.append(" AND e.status <> :deleted");
            params.put("deleted", VideoStatus.DELETED.wire());
        }
        if (filter.ownedByCaller()) {
            jpql.append(" AND e.owner = :me");
            params.put("me", caller.subject());
        }
        if (filter.team() != null) {
            jpql.append(" AND e.teams LIKE :onlyTeam ESCAPE '!'");
            params.put("onlyTeam", like(filter.team()));
        }
        if (filter.uploadedFrom() != null) {
            jpql.append(" AND e.uploadedAt >= :from");
            params.put("from", CatalogEntry.micros(filter.uploadedFrom()));
        }
        if (filter.uploadedTo() != null) {
            jpql.append(" AND e.uploadedAt < :to");
            params.put("to", CatalogEntry.micros(filter.uploadedTo()));
        }
        SearchTerms terms = filter.terms();
        for (int i = 0; i < terms.words().size(); i++) {
            jpql.append(" AND e.searchText LIKE :word").append(i).append(" ESCAPE '!'");
            params.put("word" + i, "%" + escapeLike(terms.words().get(i)) + "%");
        }
        for (int i = 0; i < terms.tags().size(); i++) {
            jpql.append(" AND e.tags LIKE :tag").append(i).append(" ESCAPE '!'");
            params.put("tag" + i, like(terms.tags().get(i)));
        }
        int m = 0;
        for (Map.Entry<String, String> pair : terms.metadata().entrySet()) {
            jpql.append(" AND EXISTS (SELECT k FROM CatalogMetadata k WHERE k.videoId = e.videoId AND k.metaKey = :key")
                    .append(m).append(" AND k.metaValue = :value").append(m).append(")");
            params.put("key" + m, pair.getKey());
            params.put("value" + m++, pair.getValue());
        }
        if (filter.cursor() != null) {
            jpql.append(" AND (e.uploadedAt < :at OR (e.uploadedAt = :at AND e.videoId < :id))");
            params.put("at", filter.cursor().uploadedAtMicros());
            params.put("id", filter.cursor().videoId());
        }
        jpql.append(" ORDER BY e.uploadedAt DESC, e.videoId DESC");
        TypedQuery<CatalogEntry> query = em.createQuery(jpql.toString(), CatalogEntry.class);
        params.forEach(query::setParameter);
        List<CatalogEntry> rows = new ArrayList<>(query.setMaxResults(filter.limit() + 1).getResultList());
        CatalogCursor next = null;
        if (rows.size() > filter.limit()) {
            rows = rows.subList(0, filter.limit());
            CatalogEntry last = rows.get(rows.size() - 1);
            next = new CatalogCursor(last.uploadedAtMicros(), last.videoId());
        }
        return new CatalogPage(List.copyOf(rows), next);
    }

    /** {@code %|name|%}, with LIKE's own characters escaped: a team may be called "ward_1" or "50%". */
    private static String like(String name) {
        return "%|" + escapeLike(name) + "|%";
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
