package nl.impactmonitor.jobs.report;

import java.util.List;
import java.util.Map;

/**
 * A goal's status as a badge: a short label, a colour and, unless the news is good, the reason in words. The
 * evaluation asks the monitor to say honestly why a number is missing (5.5) instead of showing an empty cell.
 */
record Status(String code, Text label, Text reason, String tone) {

    /** Display order: good news, bad news, then the reasons there is nothing to judge. */
    static final List<String> ORDER = List.of("achieved", "on_track", "on_target", "off_track", "below_target",
            "no_baseline", "not_allocated", "no_data", "not_applicable", "no_target");

    private static final Map<String, Status> KNOWN = Map.ofEntries(
            entry("achieved", "doel gehaald", "goal achieved", null, null, "good"),
            entry("on_track", "op koers", "on track", null, null, "good"),
            entry("on_target", "op of boven doel", "on or above target",
                    "het aandeel is gelijk aan of hoger dan de streefwaarde", "the share is at or above the target", "good"),
            entry("off_track", "niet op koers", "off track",
                    "de gemeten waarde loopt achter op het traject van nulmeting naar doel",
                    "the measured value is behind the trajectory from baseline to target", "bad"),
            entry("below_target", "onder doel", "below target",
                    "het aandeel is lager dan de streefwaarde", "the share is below the target", "bad"),
            entry("no_data", "geen gegevens", "no data",
                    "voor dit jaar is niets aangeleverd", "no data delivered for this year", "missing"),
            entry("no_baseline", "geen nulmeting", "no baseline",
                    "de strategie geeft geen basiswaarde; een steward kan die vastleggen in config/targets.yaml",
                    "the strategy gives no baseline value; a steward can record one in config/targets.yaml", "warn"),
            entry("not_allocated", "niet verdeeld", "not allocated",
                    "rijksbreed doel, nog niet over departementen verdeeld",
                    "government-wide goal not yet split over departments", "info"),
            entry("not_applicable", "niet van toepassing", "not applicable",
                    "geen aanbesteding binnen bereik", "no tender in scope", "neutral"),
            entry("no_target", "geen streefwaarde", "no target",
                    "alleen ter informatie: er is geen streefwaarde vastgesteld", "context only: no target has been set",
                    "neutral"));

    static Status of(String code) {
        if (code == null) {
            return KNOWN.get("no_data");
        }
        Status known = KNOWN.get(code);
        return known != null ? known : new Status(code, Text.both(code), null, "neutral");
    }

    /** Sort key following {@link #ORDER}; unknown codes last, alphabetically. */
    static String sortKey(String code) {
        int i = ORDER.indexOf(code);
        return i >= 0 ? String.format(java.util.Locale.ROOT, "%02d", i) : "99" + code;
    }

    private static Map.Entry<String, Status> entry(String code, String nl, String en, String reasonNl, String reasonEn,
                                                   String tone) {
        Text reason = reasonNl == null ? null : new Text(reasonNl, reasonEn);
        return Map.entry(code, new Status(code, new Text(nl, en), reason, tone));
    }
}
