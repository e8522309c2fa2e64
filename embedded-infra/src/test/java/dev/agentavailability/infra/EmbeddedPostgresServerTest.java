package dev.agentavailability.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void createsADatabaseAndRunsSql() throws Exception {
        Path logFile;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start()) {
            logFile = pg.logFile();
            String url = pg.createDatabase("infra_test");
            assertEquals(url, pg.createDatabase("infra_test"), "idempotent");
            assertEquals("jdbc:postgresql://localhost:" + pg.port() + "/infra_test", url);

            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("infra_test"), pg.username(), pg.password());
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select 1")) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                }
                s.execute("create table agent (id text primary key, state text not null)");
                assertEquals(1, s.executeUpdate("insert into agent values ('a-1', 'AVAILABLE')"));
                try (ResultSet rs = s.executeQuery("select state from agent where id = 'a-1'")) {
                    assertTrue(rs.next());
                    assertEquals("AVAILABLE", rs.getString(1));
                }
                try (ResultSet rs = s.executeQuery("select current_database(), current_setting('server_version_num')::int")) {
                    assertTrue(rs.next());
                    assertEquals("infra_test", rs.getString(1));
                    assertTrue(rs.getInt(2) >= 160000, "PostgreSQL 16 or newer");
                }
            }
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(pg.jdbcUrl("missing_db"), pg.username(), pg.password()).close());
            assertThrows(IllegalArgumentException.class, () -> pg.createDatabase("bad\"name"));
        }
        assertFalse(Files.exists(logFile), "temporary log deleted");
    }

    @Test
    void keepsDataInAGivenDataDir(@TempDir Path dir) throws Exception {
        EmbeddedPostgresServer.Options options = EmbeddedPostgresServer.Options.defaults().withDataDir(dir.resolve("pg"));
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(options);
             Connection c = DriverManager.getConnection(pg.createDatabase("lab"), pg.username(), pg.password());
             Statement s = c.createStatement()) {
            s.execute("create table kept (id int)");
            s.execute("insert into kept values (42)");
        }
        assertTrue(Files.isRegularFile(dir.resolve("pg.log")), "log next to the data dir");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(options);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("lab"), pg.username(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }
}
