package com.pulsevault.catalog;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Role;
import com.pulsevault.settings.VaultSettings;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoStatus;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The catalog index in the datasource named by {@code pulsevault.catalog.datasource} (a JNDI name,
 * {@code java:comp/DefaultDataSource} by default): a copy of what lists need, kept in step with meta.json
 * and rebuilt from it.
 * <p>
 * The persistence unit "catalog" is started here, not by the server, because its datasource is a
 * setting and a persistence.xml cannot name it portably: the DataSource is looked up by its configured
 * name and handed to the provider the server offers (Hibernate on WildFly, EclipseLink on Payara) as
 * {@code jakarta.persistence.nonJtaDataSource}. Each call is its own resource-local transaction on a
 * connection of that datasource, outside any JTA transaction of the caller (which is suspended), so a
 * failed index write never takes an upload or a transcode with it. The factory is built on first use and
 * again after a failure (the database may come up after the server).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogIndex {

    private static final Logger LOG = Logger.getLogger(CatalogIndex.class.getName());
    static final String TABLE = "PV_CATALOG";
    static final String METADATA_TABLE = "PV_CATALOG_META";

    @Inject
    VaultConfig config;

    private volatile EntityManagerFactory factory;
    private final Object[] putLocks = new Object[64];

    public CatalogIndex() {
        for (int i = 0; i < putLocks.length; i++) {
            putLocks[i] = new Object();
        }
    }

    @PreDestroy
    void close() {
        EntityManagerFactory f = factory;
        if (f != null && f.isOpen()) {
            f.close();
        }
    }

    private EntityManagerFactory factory() {
        EntityManagerFactory f = factory;
        if (f == null) {
            synchronized (this) {
                f = factory;
                if (f == null) {
                    f = factory = open(config.settings().catalogDatasource());
                }
            }
        }
        return f;
    }

    private static EntityManagerFactory open(String jndiName) {
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException(VaultSettings.CATALOG_DATASOURCE + ": no datasource named " + jndiName, e);
        }
        boolean exists = tableExists(dataSource, TABLE) && tableExists(dataSource, METADATA_TABLE);
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        // the provider's own DDL for this database, once: "create" on an existing table fails noisily
        // (a stack trace per start on Hibernate), and drop-and-create would empty an index other nodes share
        properties.put("jakarta.persistence.schema-generation.database.action", exists ? "none" : "create");
        // No JDBC batching (hibernate.jdbc.batch_size): it made a cold rebuild 40 % faster on PostgreSQL, but a
        // CI run then left metadata rows without their video row after a failed batch, and every later write
        // of that video failed until a rebuild; not understood yet, so not on.
        EntityManagerFactory f = Persistence.createEntityManagerFactory("catalog", properties);
        f.createEntityManager().close(); // EclipseLink deploys the unit (and creates the tables) on first use
        TextSearchIndex.ensure(dataSource);
        LOG.info("Catalog index in " + jndiName + (exists ? "" : " (tables " + TABLE + ", " + METADATA_TABLE + " created)"));
        return f;
    }

    /** Whether the table is there, in whatever case the database keeps unquoted names (PostgreSQL: lower). */
    private static boolean tableExists(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT)}) {
                try (ResultSet tables = meta.getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("the catalog datasource is not reachable: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in a transaction of its own and closes the entity manager. */
    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory().createEntityManager(); // a failed start is not kept: the next call tries again
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /**
     * Stores the video's state unless the index has this version already (or a later one). Two writes
     * of a new video at once (finalize and the worker; or two nodes) would both insert: writes of one
     * video on this node take turns, and an insert another node won is done again as an update.
     */
    public void put(Video video) {
        String id = video.id().value();
        synchronized (putLocks[Math.floorMod(id.hashCode(), putLocks.length)]) {
            try {
                write(video);
            } catch (PersistenceException raced) {
                write(video); // the row is there now: this time it is an update
            }
        }
    }

    private void write(Video video) {
        inTransaction(em -> {
            // locked: another node writing the same video waits, then sees the newer version and keeps it
            CatalogEntry entry = em.find(CatalogEntry.class, video.id().value(), LockModeType.PESSIMISTIC_WRITE);
            copy(em, entry, video);
            return null;
        });
    }

    /** Stores the video's state into {@code entry} (null: a new row) and its metadata rows, in {@code em}'s transaction. */
    private static void copy(EntityManager em, CatalogEntry entry, Video video) {
        if (entry == null) {
            em.persist(CatalogEntry.of(video));
        } else if (entry.copy(video)) {
            em.createQuery("DELETE FROM CatalogMetadata m WHERE m.videoId = :id").setParameter("id", video.id().value()).executeUpdate();
        } else {
            return; // the index has this version already
        }
        CatalogMetadata.of(video).forEach(em::persist);
    }

    /**
     * Stores videos the index does not have yet, many in one transaction (a rebuild: a transaction per
     * video made the database's round trips the limit). Should the batch fail (a video written meanwhile
     * by another node, a value the database refuses), each is put on its own.
     *
     * @return how many could not be stored (logged; the next pass tries them again)
     */
    public int putNew(List<Video> videos) {
        if (videos.isEmpty()) {
            return 0;
        }
        try {
            inTransaction(em -> {
                videos.forEach(v -> copy(em, null, v));
                return null;
            });
            return 0;
        } catch (PersistenceException batch) {
            int failed = 0;
            for (Video v : videos) {
                try {
                    put(v);
                } catch (RuntimeException one) {
                    failed++;
                    LOG.warning("Catalog: video " + v.id() + " could not be indexed (" + one.getClass().getSimpleName() + ")");
                }
            }
            return failed;
        }
    }

    /** The version indexed for each video id, to tell what a rebuild must still copy. */
    public Map<String, Long> versions() {
        return inTransaction(em -> {
            Map<String, Long> versions = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT e.videoId, e.indexedVersion FROM CatalogEntry e", Object[].class).getResultList()) {
                versions.put((String) row[0], ((Number) row[1]).longValue());
            }
            return versions;
        });
    }

    /** Drops the rows of videos whose meta.json is gone (removed from the media root by hand, or restored from an older backup). */
    public void remove(java.util.Collection<String> videoIds) {
        if (videoIds.isEmpty()) {
            return;
        }
        inTransaction(em -> {
            for (String id : videoIds) {
                em.createQuery("DELETE FROM CatalogMetadata m WHERE m.videoId = :id").setParameter("id", id).executeUpdate();
                em.createQuery("DELETE FROM CatalogEntry e WHERE e.videoId = :id").setParameter("id", id).executeUpdate();
            }
            return null;
        });
    }

    public void clear() {
        inTransaction(em -> {
            em.createQuery("DELETE FROM CatalogMetadata m").executeUpdate();
            return em.createQuery("DELETE FROM CatalogEntry e").executeUpdate();
        });
    }

    /** One page of what {@code caller} may see, newest first. */
    /** @throws CatalogUnavailableException when the database does not answer (the cause is logged, once per failure) */
    public CatalogPage page(Caller caller, VideoFilter filter) {
        try {
            return inTransaction(em -> page(em, caller, filter));
        } catch (PersistenceException | IllegalStateException e) { // the database, or its lookup, is not there
            LOG.warning("catalog query failed: " + e.getClass().getSimpleName());
            throw new CatalogUnavailableException();
        }
    }

    private static CatalogPage page(EntityManager em, Caller caller, VideoFilter filter) {
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
            // the redundant "uploadedAt <= :at" lets the database start in the index at the cursor, not at the top
            jpql.append(" AND e.uploadedAt <= :at AND (e.uploadedAt < :at OR (e.uploadedAt = :at AND e.videoId < :id))");
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
