package dev.agentavailability.contract.entrypoint;

import java.util.List;
import java.util.Map;

/**
 * An entry point's business hours as given and stored (JSON):
 * {@code {"timeZone":"Europe/Paris","weekly":{"MONDAY":["09:00-17:00"]},"holidays":["2025-12-25"]}}.
 * A day left out of {@code weekly} is closed; a holiday is closed all day. The entry point service validates them before they are stored.
 *
 * @param timeZone an IANA time zone id
 * @param weekly   per day of week (MONDAY..SUNDAY) the open intervals "HH:mm-HH:mm" (end after start; "24:00" allowed
 *                 as an end)
 * @param holidays ISO dates (yyyy-MM-dd) in the time zone
 */
public record BusinessHoursSettings(String timeZone, Map<String, List<String>> weekly, List<String> holidays) {

    public BusinessHoursSettings {
        weekly = weekly == null ? Map.of() : weekly;
        holidays = holidays == null ? List.of() : holidays;
    }
}
