package com.pulsevault.catalog;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * A trigram index for the catalog's text search, on PostgreSQL only. A search is {@code searchtext LIKE
 * '%word%'}, which no B-tree serves: without this index a search that finds nothing reads every row the
 * caller may see (186 ms p99 for 100,000 videos, bench/catalog-bench.sh). pg_trgm ships with PostgreSQL and
 * is a trusted extension (13+), so the database's owner may install it; where it may not, search still
 * works, only slower, and the log says once what to ask the DBA for. H2 has no such index: it is for a
 * try-out.
 */
final class TextSearchIndex {

    private static final Logger LOG = Logger.getLogger(TextSearchIndex.class.getName());

    private TextSearchIndex() {
    }

    static void ensure(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!"PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
                return;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true); // each statement on its own: a refused extension must not abort the next one
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                s.execute("CREATE INDEX IF NOT EXISTS pv_catalog_search ON pv_catalog USING gin (searchtext gin_trgm_ops)");
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOG.warning("Catalog: no trigram index for text search (" + e.getSQLState() + ": " + e.getMessage()
                    + "); searches read every row. A DBA can run: CREATE EXTENSION pg_trgm; "
                    + "CREATE INDEX pv_catalog_search ON pv_catalog USING gin (searchtext gin_trgm_ops)");
        }
    }
}
