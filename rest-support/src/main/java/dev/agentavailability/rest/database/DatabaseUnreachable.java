package dev.agentavailability.rest.database;

import java.net.ConnectException;
import java.sql.SQLException;

/**
 * Whether a failure means PostgreSQL could not be reached (refused, gone, shutting down, no connection in time), so
 * that the same call succeeds once it is back, as opposed to a statement it refused, which would fail again.
 */
public final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    public static boolean test(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().startsWith("Acquisition timeout")) {
                return true; // Agroal's pool: no connection could be had in time, with no state of its own
            }
        }
        return false;
    }
}
