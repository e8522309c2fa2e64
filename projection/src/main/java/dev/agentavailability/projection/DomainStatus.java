package dev.agentavailability.projection;

/**
 * Whether the application path reports an MRD's domain available. Every domain is available until the
 * application path's status messages are modelled.
 */
final class DomainStatus {

    private DomainStatus() {
    }

    static boolean isAvailable(ConfigView config, int mrdId) {
        return true;
    }
}
