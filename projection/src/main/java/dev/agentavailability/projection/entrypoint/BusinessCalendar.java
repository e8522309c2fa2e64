package dev.agentavailability.projection.entrypoint;

import dev.agentavailability.contract.entrypoint.BusinessHoursSettings;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Business hours ready to evaluate: open during the weekly intervals of the local day, closed on holidays. No
 * settings ({@link #ALWAYS_OPEN}) means always open.
 */
public final class BusinessCalendar {

    /** An open interval of a day, in minutes since local midnight: {@code start <= minute < end}. */
    public record Interval(int start, int end) {

        public boolean contains(int minute) {
            return minute >= start && minute < end;
        }

        @Override
        public String toString() {
            return hhmm(start) + "-" + hhmm(end);
        }
    }

    public static final BusinessCalendar ALWAYS_OPEN = new BusinessCalendar(null, Map.of(), Set.of());

    private static final Pattern INTERVAL = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final int SEARCH_DAYS = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Interval>> weekly;
    private final Set<LocalDate> holidays;

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Interval>> weekly, Set<LocalDate> holidays) {
        this.zone = zone;
        this.weekly = weekly;
        this.holidays = holidays;
    }

    /** @param settings valid settings (checked by the entry point service), or null for always open */
    public static BusinessCalendar of(BusinessHoursSettings settings) {
        if (settings == null) {
            return ALWAYS_OPEN;
        }
        Map<DayOfWeek, List<Interval>> weekly = new EnumMap<>(DayOfWeek.class);
        settings.weekly().forEach((day, intervals) -> {
            List<Interval> parsed = new ArrayList<>();
            if (intervals != null) {
                intervals.forEach(i -> parsed.add(interval(i)));
            }
            parsed.sort(Comparator.comparingInt(Interval::start));
            weekly.put(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)), List.copyOf(parsed));
        });
        Set<LocalDate> holidays = new HashSet<>();
        settings.holidays().forEach(d -> holidays.add(LocalDate.parse(d.trim())));
        return new BusinessCalendar(ZoneId.of(settings.timeZone()), weekly, Set.copyOf(holidays));
    }

    /**
     * Whether the entry point is open at {@code now}, and why.
     *
     * @param configured false when the entry point has no business hours (always open)
     * @param openInterval the interval that contains the local time, when open by the calendar
     * @param nextOpening the next time it opens, when closed (null when it never opens within a year)
     */
    public record Decision(boolean configured, boolean open, String timeZone, LocalDateTime localTime,
            DayOfWeek dayOfWeek, boolean holiday, String openInterval, ZonedDateTime nextOpening) {
    }

    public Decision decide(Instant now) {
        if (zone == null) {
            return new Decision(false, true, null, null, null, false, null, null);
        }
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalDate();
        boolean holiday = holidays.contains(date);
        int minute = local.getHour() * 60 + local.getMinute();
        Interval open = null;
        if (!holiday) {
            for (Interval interval : weekly.getOrDefault(date.getDayOfWeek(), List.of())) {
                if (interval.contains(minute)) {
                    open = interval;
                    break;
                }
            }
        }
        return new Decision(true, open != null, zone.getId(), local.toLocalDateTime(), date.getDayOfWeek(), holiday,
                open == null ? null : open.toString(), open == null ? nextOpening(local) : null);
    }

    private ZonedDateTime nextOpening(ZonedDateTime now) {
        LocalDate date = now.toLocalDate();
        for (int d = 0; d <= SEARCH_DAYS; d++) {
            LocalDate day = date.plusDays(d);
            if (holidays.contains(day)) {
                continue;
            }
            for (Interval interval : weekly.getOrDefault(day.getDayOfWeek(), List.of())) {
                if (interval.start() >= 24 * 60) {
                    continue;
                }
                ZonedDateTime opening = ZonedDateTime.of(day, LocalTime.of(interval.start() / 60, interval.start() % 60),
                        zone);
                if (opening.isAfter(now)) {
                    return opening;
                }
            }
        }
        return null;
    }

    // --- parsing and validation ---

    static Interval interval(String text) {
        Matcher m = INTERVAL.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not HH:mm-HH:mm");
        }
        int start = minutes(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        int end = minutes(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        if (start < 0 || end < 0 || start >= 24 * 60) {
            throw new IllegalArgumentException("times must be 00:00 to 23:59 (24:00 allowed as an end)");
        }
        if (end <= start) {
            throw new IllegalArgumentException("the end must be after the start");
        }
        return new Interval(start, end);
    }

    private static int minutes(int hour, int minute) {
        if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) {
            return -1;
        }
        return hour * 60 + minute;
    }

    private static String hhmm(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    /** @return why this is not an IANA time zone id, or null */
    public static String zoneFault(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return "must be an IANA time zone id such as Europe/Paris";
        }
        try {
            ZoneId.of(timeZone);
            return null;
        } catch (DateTimeException e) {
            return "'" + timeZone + "' is not an IANA time zone id";
        }
    }

    public static String dayFault(String day) {
        try {
            DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT));
            return null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return "'" + day + "' is not a day of week (MONDAY..SUNDAY)";
        }
    }

    public static String intervalFault(String interval) {
        if (interval == null) {
            return "must be an interval HH:mm-HH:mm";
        }
        try {
            interval(interval);
            return null;
        } catch (IllegalArgumentException e) {
            return "'" + interval + "' is not an open interval HH:mm-HH:mm: " + e.getMessage();
        }
    }

    public static String dateFault(String date) {
        if (date == null) {
            return "must be a date yyyy-MM-dd";
        }
        try {
            LocalDate.parse(date.trim());
            return null;
        } catch (DateTimeParseException e) {
            return "'" + date + "' is not a date yyyy-MM-dd";
        }
    }
}
