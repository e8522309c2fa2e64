package dev.agentavailability.entrypoint.board;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The live streams' settings (application.properties, {@code availability.board.*}). */
@ConfigMapping(prefix = "availability.board")
public interface StreamSettings {

    /** How often the streams compare the views with what they sent and send the difference. */
    Duration tick();

    /** How often an idle stream gets a message, so that a client gone away is noticed. */
    Duration heartbeat();

    /** Messages held for a client that does not read; past them its stream ends and the page reconnects. */
    int buffer();

    int maxBoardStreams();

    int maxPublicStreams();

    int maxPublicStreamsPerClient();

    /** A clicked agent's events: how far back, and how many of the last are shown. */
    Duration agentWindow();

    int agentEvents();

    /** Replays of clicked agents at once; one more is refused at once (503) rather than queued. */
    int agentReplays();
}
