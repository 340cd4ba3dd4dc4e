package nl.impactmonitor.jobs.report;

import java.util.List;
import java.util.Map;

/**
 * A goal's status as a badge: a short label, a colour and, unless the news is good, the reason in words. The
 * evaluation asks the monitor to say honestly why a number is missing (5.5) instead of showing an empty cell.
 */
record Status(String code, Text label, Text reason, String tone) {

    /** Display order: good news, bad news, then the reasons there is nothing to judge. */
    static final List<String> ORDER = List.of("achieved", "period_ended_met", "on_track", "on_target", "off_track",
            "below_target", "period_ended_missed", "insufficient_coverage", "insufficient_data", "no_baseline",
            "allocation_not_adopted", "not_allocated", "no_data", "not_applicable", "not_measurable", "no_target");

    private static final Map<String, Status> KNOWN = Map.ofEntries(
            entry("achieved", "doel gehaald", "goal achieved",
                    "de laatste waarde haalt het einddoel al", "the latest value already meets the final target", "good"),
            entry("period_ended_met", "periode voorbij, gehaald", "period ended, met",
                    "het doeljaar is bereikt en het doel is gehaald", "the target year has come and the target is met", "good"),
            entry("on_track", "op koers", "on track",
                    "de waarde haalt het traject voor dat jaar", "the value meets the trajectory for its year", "good"),
            entry("on_target", "op of boven doel", "on or above target",
                    "het aandeel is gelijk aan of hoger dan de streefwaarde", "the share is at or above the target", "good"),
            entry("off_track", "niet op koers", "off track",
                    "de gemeten waarde loopt achter op het traject naar het doel",
                    "the measured value is behind the trajectory towards the target", "bad"),
            entry("below_target", "onder doel", "below target",
                    "de waarde haalt het doel (nog) niet; zonder traject wordt het verschil getoond",
                    "the value does not (yet) meet the target; without a trajectory the gap is shown", "bad"),
            entry("period_ended_missed", "periode voorbij, niet gehaald", "period ended, missed",
                    "het doeljaar is bereikt en het doel is niet gehaald", "the target year has come and the target is missed", "bad"),
            entry("insufficient_coverage", "onvoldoende dekking", "insufficient coverage",
                    "te weinig contracten die eerder rapporteerden, rapporteerden dit jaar: een daling kan stilte zijn",
                    "too few of the contracts that reported before reported this year: a fall may be silence", "warn"),
            entry("insufficient_data", "onvoldoende gegevens", "insufficient data",
                    "jaren van de doelperiode ontbreken; ze tellen niet als nul", "years of the goal's period are missing; they do not count as zero", "warn"),
            entry("not_measurable", "geen meetbaar doel", "no measurable goal",
                    "een kwalitatief doel; gevolgd wordt wat ernaast staat", "a qualitative goal; what is monitored instead is given", "neutral"),
            entry("no_data", "geen gegevens", "no data",
                    "voor dit jaar is niets aangeleverd", "no data delivered for this year", "missing"),
            entry("no_baseline", "geen nulmeting", "no baseline",
                    "het doel is een verandering ten opzichte van een nulmeting die niet gemeten is, dus de doelwaarde is onbekend",
                    "the target is a change against a baseline that was never measured, so its value is unknown", "warn"),
            entry("allocation_not_adopted", "voorstel, niet vastgesteld", "proposal, not adopted",
                    "het deel van dit departement in het rijksdoel is een voorstel of berekening, nog niet vastgesteld: indicatief, geen oordeel",
                    "the department's part of the government-wide target is a proposal or computed, not adopted: indicative, no verdict", "info"),
            entry("not_allocated", "niet verdeeld", "not allocated",
                    "rijksbreed doel, nog niet over departementen verdeeld",
                    "government-wide goal not yet split over departments", "info"),
            entry("not_applicable", "n.v.t.", "not applicable",
                    "het doel geldt niet voor dit departement, of er is geen aanbesteding binnen bereik",
                    "the goal does not concern this department, or no tender is in scope", "neutral"),
            entry("no_target", "geen streefwaarde", "no target",
                    "alleen ter informatie: er is geen streefwaarde vastgesteld", "context only: no target has been set",
                    "neutral"));

    /** Every known status in display order: the legend of the report's appendix. */
    static List<Status> legend() {
        return ORDER.stream().map(KNOWN::get).toList();
    }

    /** The status with this row's own reason (the mart's sentence) instead of the general one, when there is one. */
    static Status of(String code, String reasonNl, String reasonEn) {
        Status s = of(code);
        return reasonNl == null ? s : new Status(s.code(), s.label(), new Text(reasonNl, reasonEn == null ? reasonNl : reasonEn), s.tone());
    }

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
