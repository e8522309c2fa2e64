package dev.agentavailability.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An {@link AvailabilitySeries} as one self-contained HTML page (no script, no external file): step charts of
 * available agents per skill group, queue depth per entry point and each entry point's initialize answer, and
 * the list of changes with the record behind each. Meant to be saved and attached to an incident ticket.
 */
public final class TimelinePage {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 960;
    private static final int HEIGHT = 220;
    private static final int LEFT = 50;
    private static final int RIGHT = 20;
    private static final int TOP = 15;
    private static final int BOTTOM = 30;

    private TimelinePage() {
    }

    public static String render(AvailabilitySeries.Series series, String title) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}")
                .append("h1{font-size:20px}h2{font-size:16px;margin-top:28px}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:left;vertical-align:top}th{background:#f3f3f3}.legend span{margin-right:16px}")
                .append(".legend i{display:inline-block;width:12px;height:3px;margin-right:4px;vertical-align:middle}")
                .append("svg text{font-size:11px;fill:#444}</style></head><body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>From ").append(series.from()).append(" to ")
                .append(series.to()).append(" (UTC). Replayed from the topics with the router's projection code; ")
                .append(series.points().size()).append(" points, one per change.</p>\n");

        Map<String, SortedMap<Instant, Integer>> available = lines(series,
                p -> named(p.availableBySkillGroup(), id -> "SG " + id + name(series, id)));
        Map<String, SortedMap<Instant, Integer>> queues = lines(series,
                p -> named(p.queueDepth(), id -> "EP " + id));
        Map<String, SortedMap<Instant, Integer>> answers = lines(series,
                p -> named(p.responseType(), id -> "EP " + id));
        chart(html, "Available agents per skill group", series, available, false);
        chart(html, "Queue depth per entry point", series, queues, false);
        chart(html, "Initialize answer per entry point (responseType: 0 available, 1 no agent, 2 queue full)",
                series, answers, true);

        html.append("<h2>Changes</h2>\n<table><tr><th>time (UTC)</th><th>record</th><th>available per skill group")
                .append("</th><th>queue depth</th><th>responseType</th></tr>\n");
        for (AvailabilitySeries.Point p : series.points()) {
            html.append("<tr><td>").append(p.at()).append("</td><td>").append(escape(p.cause())).append("</td><td>")
                    .append(escape(p.availableBySkillGroup().toString())).append("</td><td>")
                    .append(escape(p.queueDepth().toString())).append("</td><td>")
                    .append(escape(p.responseType().toString())).append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        return html.toString();
    }

    private static String name(AvailabilitySeries.Series series, int id) {
        String name = series.skillGroupNames().get(id);
        return name == null ? "" : " " + name;
    }

    private static <K> SortedMap<String, Integer> named(SortedMap<K, Integer> values, Function<K, String> label) {
        SortedMap<String, Integer> named = new TreeMap<>();
        values.forEach((k, v) -> named.put(label.apply(k), v));
        return named;
    }

    /** Per line label, its value at each point; null where it is absent (an entry point deleted or not yet saved). */
    private static Map<String, SortedMap<Instant, Integer>> lines(AvailabilitySeries.Series series,
            Function<AvailabilitySeries.Point, SortedMap<String, Integer>> values) {
        TreeSet<String> labels = new TreeSet<>();
        series.points().forEach(p -> labels.addAll(values.apply(p).keySet()));
        Map<String, SortedMap<Instant, Integer>> lines = new TreeMap<>();
        for (String label : labels) {
            SortedMap<Instant, Integer> line = new TreeMap<>();
            for (AvailabilitySeries.Point p : series.points()) {
                line.put(p.at(), values.apply(p).get(label));
            }
            lines.put(label, line);
        }
        return lines;
    }

    private static void chart(StringBuilder html, String title, AvailabilitySeries.Series series,
            Map<String, SortedMap<Instant, Integer>> lines, boolean responseTypes) {
        html.append("<h2>").append(escape(title)).append("</h2>\n");
        if (lines.isEmpty()) {
            html.append("<p>Nothing to chart in this window.</p>\n");
            return;
        }
        int max = responseTypes ? 2 : 1;
        for (SortedMap<Instant, Integer> line : lines.values()) {
            for (Integer v : line.values()) {
                max = v == null ? max : Math.max(max, v);
            }
        }
        long span = Math.max(1, Duration.between(series.from(), series.to()).toMillis());
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">\n");
        html.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotWidth)
                .append("\" height=\"").append(plotHeight).append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>\n");
        for (int tick : ticks(max)) {
            double y = TOP + plotHeight - (double) tick / max * plotHeight;
            html.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", LEFT, LEFT + plotWidth, y, y,
                    LEFT - 6, y + 4, tick));
        }
        for (int i = 0; i <= 4; i++) {
            Instant at = series.from().plusMillis(span * i / 4);
            String anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>%n",
                    LEFT + plotWidth * i / 4.0, HEIGHT - 10, anchor, at.toString().replace("T", " ")));
        }
        int color = 0;
        List<String> legend = new ArrayList<>();
        for (Map.Entry<String, SortedMap<Instant, Integer>> line : lines.entrySet()) {
            String stroke = COLORS[color++ % COLORS.length];
            StringBuilder path = new StringBuilder();
            boolean drawing = false;
            for (Map.Entry<Instant, Integer> point : line.getValue().entrySet()) {
                double x = LEFT + plotWidth * (double) Duration.between(series.from(), point.getKey()).toMillis() / span;
                if (point.getValue() == null) {
                    // absent from here on (until it comes back): end the line instead of drawing a false 0
                    if (drawing) {
                        path.append(String.format(Locale.ROOT, " H%.1f", x));
                    }
                    drawing = false;
                    continue;
                }
                // lines of equal value would hide each other: shift each a little
                double y = TOP + plotHeight - (double) point.getValue() / max * plotHeight - (color - 1) * 1.5;
                path.append(String.format(Locale.ROOT, drawing ? " H%.1f V%.1f" : " M%.1f %.1f", x, y));
                drawing = true;
            }
            if (drawing) {
                path.append(String.format(Locale.ROOT, " H%d", LEFT + plotWidth));
            }
            html.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(stroke)
                    .append("\" stroke-width=\"2\"><title>").append(escape(line.getKey())).append("</title></path>\n");
            legend.add("<span><i style=\"background:" + stroke + "\"></i>" + escape(line.getKey()) + "</span>");
        }
        html.append("</svg>\n<div class=\"legend\">").append(String.join("", legend)).append("</div>\n");
    }

    private static List<Integer> ticks(int max) {
        int step = Math.max(1, (int) Math.ceil(max / 4.0));
        List<Integer> ticks = new ArrayList<>();
        for (int t = 0; t <= max; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
