package nl.impactmonitor.jobs.extract;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The print page of the yearly accountability export: one self-contained HTML file (no scripts, fonts, images or
 * links to load) with an A4 print stylesheet: margins, page numbers "pagina n van m" and the run in the page footer,
 * each scope (RIJK first, then each ministry) from a new page, table headers repeated on every page, rows never
 * split over two pages. Printing it from a browser or {@code chromium --headless --print-to-pdf} gives the annex.
 */
final class AccountabilityPage {

    private AccountabilityPage() {
    }

    static String render(int year, AccountabilityExport.Provenance run, LocalDate dataDate, boolean sample, List<Map<String, Object>> themes,
                         List<Map<String, Object>> goals, List<Map<String, Object>> inputs) {
        StringBuilder h = new StringBuilder(256 * 1024);
        String title = "Monitoring Inkopen met Impact " + year;
        h.append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n<style>\n")
                .append("@page { size: A4 portrait; margin: 16mm 14mm 18mm 14mm;\n")
                .append("  @bottom-left { content: \"").append(css((sample ? "VOORBEELDGEGEVENS · " : "") + "Run " + run.runId() + " · " + run.dataVersion()))
                .append("\"; font: 7pt sans-serif; color: #444; }\n")
                .append("  @bottom-right { content: \"pagina \" counter(page) \" van \" counter(pages); font: 8pt sans-serif; } }\n")
                .append("html { font: 8.5pt/1.25 \"DejaVu Sans\", Arial, sans-serif; color: #111; }\n")
                .append("body { margin: 0 auto; max-width: 190mm; }\n")
                .append("h1 { font-size: 16pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 0 0 3mm; } h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }\n")
                .append("section.scope, section.audit { break-before: page; }\n")
                .append("table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; table-layout: fixed; }\n")
                .append("thead { display: table-header-group; } tr { break-inside: avoid; }\n")
                .append("th, td { border-bottom: 0.3pt solid #999; padding: 1mm 1.2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }\n")
                .append("th { background: #e8e8e8; font-weight: bold; } td.n { text-align: right; }\n")
                .append(".lineage { font-size: 6.5pt; color: #555; overflow-wrap: anywhere; } .sha { font: 6.5pt monospace; overflow-wrap: anywhere; }\n")
                .append(".sample { border: 1.5pt solid #a00; color: #a00; font-weight: bold; padding: 2mm; margin-bottom: 3mm; }\n")
                .append(".nomeasure { font-style: italic; }\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<header>\n<h1>").append(esc(title)).append("</h1>\n");
        if (sample) {
            h.append("<p class=\"sample\">Voorbeeldgegevens: deze bijlage is gemaakt van meegeleverde voorbeeldbestanden; de cijfers zijn niet echt.</p>\n");
        }
        h.append("<p>Bijlage bij de Jaarrapportage Bedrijfsvoering Rijk of een Kamerbrief: elk thema en elk doel van Inkopen met Impact, ")
                .append("voor het Rijk als geheel en per ministerie, met waarde, bandbreedte, doel, traject, status en reden. ")
                .append("Onder elk doel staat de herkomst: doel-id, statusregel, invoerbestanden (begin van de sha256) en run.</p>\n")
                .append("<p>Run <b>").append(esc(run.runId())).append("</b> · codeversie ").append(esc(run.codeVersion()))
                .append(" · gegevensversie <b>").append(esc(run.dataVersion())).append("</b> · datum gegevens ")
                .append(dataDate.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"))).append("</p>\n</header>\n");
        String scope = null;
        String theme = null;
        int t = 0;
        for (Map<String, Object> g : goals) {
            String s = (String) g.get("scope_code");
            if (!s.equals(scope)) {
                if (scope != null) {
                    h.append("</tbody></table>\n</section>\n");
                }
                scope = s;
                theme = null;
                h.append("<section class=\"scope\" id=\"").append(esc(s)).append("\">\n<h2>")
                        .append(esc(s.equals(DepartmentExtracts.RIJKSBREED) ? "Rijk als geheel (RIJK)" : "Ministerie " + s)).append(" · ").append(year).append("</h2>\n");
                h.append("<h3>Thema's</h3>\n<table><colgroup><col style=\"width:22%\"><col style=\"width:8%\"><col style=\"width:10%\"><col style=\"width:10%\"><col style=\"width:9%\"><col></colgroup><thead><tr><th>Thema</th><th>Doelen</th><th>Meetbaar</th><th>Met oordeel</th><th>Gunstig</th><th>Toelichting</th></tr></thead><tbody>\n");
                while (t < themes.size() && themes.get(t).get("scope_code").equals(s)) {
                    Map<String, Object> th = themes.get(t++);
                    h.append("<tr><td>").append(esc(th.get("theme_name_nl"))).append("</td><td class=\"n\">").append(th.get("goal_count"))
                            .append("</td><td class=\"n\">").append(th.get("measurable_goal_count")).append("</td><td class=\"n\">")
                            .append(th.get("verdict_goal_count")).append("</td><td class=\"n\">").append(th.get("favourable_goal_count"))
                            .append("</td><td>").append(esc(th.get("theme_note_nl"))).append("</td></tr>\n");
                }
                h.append("</tbody></table>\n<h3>Doelen</h3>\n<table><colgroup><col style=\"width:25%\"><col style=\"width:10%\"><col style=\"width:10%\"><col style=\"width:9%\">")
                        .append("<col style=\"width:10%\"><col style=\"width:10%\"><col></colgroup><thead><tr><th>Doel</th><th>Waarde</th><th>Bandbreedte</th>")
                        .append("<th>Traject</th><th>Doel</th><th>Status</th><th>Reden</th></tr></thead><tbody>\n");
            }
            String th = (String) g.get("theme_name_nl");
            if (!th.equals(theme)) {
                theme = th;
                h.append("<tr><th colspan=\"7\">").append(esc(th)).append("</th></tr>\n");
            }
            String unit = g.get("unit") == null ? "" : " " + g.get("unit");
            boolean measured = !"not_measurable".equals(g.get("status"));
            h.append("<tr><td>").append(esc(g.get("goal_name_nl")))
                    .append("<div class=\"lineage\">").append(esc(g.get("goal_id"))).append(" · ").append(esc(g.get("status_rule")))
                    .append(" · invoer ").append(esc(g.get("input_source"))).append(": ")
                    .append(esc(AccountabilityExport.filesText(g, 240).isEmpty() ? "geen bestand" : AccountabilityExport.filesText(g, 240)))
                    .append(" · run ").append(esc(run.runId())).append("</div></td>")
                    .append("<td class=\"n\">").append(value(g.get("actual_value"), unit)).append("</td>")
                    .append("<td class=\"n\">").append(range(g.get("actual_min"), g.get("actual_max"), unit)).append("</td>")
                    .append("<td class=\"n\">").append(value(g.get("trajectory_value"), unit)).append("</td>")
                    .append("<td class=\"n\">").append(value(g.get("target_value"), unit))
                    .append(g.get("target_year") == null || g.get("target_value") == null ? "" : " in " + g.get("target_year")).append("</td>")
                    .append("<td").append(measured ? "" : " class=\"nomeasure\"").append(">").append(esc(g.get("status_label_nl"))).append("</td>")
                    .append("<td>").append(esc(g.get("status_reason_nl"))).append("</td></tr>\n");
        }
        if (scope != null) {
            h.append("</tbody></table>\n</section>\n");
        }
        h.append("<section class=\"audit\">\n<h2>Verantwoording van de gegevens (audit)</h2>\n<p>Run ").append(esc(run.runId()))
                .append(" · codeversie ").append(esc(run.codeVersion())).append(" · gegevensversie ").append(esc(run.dataVersion()))
                .append(". Elk invoerbestand dat meetelt, zoals in manifest.json van de publicatie.</p>\n")
                .append("<table><colgroup><col style=\"width:8%\"><col style=\"width:22%\"><col style=\"width:32%\"><col style=\"width:14%\"><col><col><col></colgroup><thead><tr><th>Bron</th><th>Bestand</th><th>sha256</th><th>Aangekomen</th><th>Rijen gelezen</th><th>Afgekeurd</th><th>Gebruikt</th></tr></thead><tbody>\n");
        for (Map<String, Object> i : inputs) {
            h.append("<tr><td>").append(esc(i.get("source"))).append("</td><td>").append(esc(i.get("file"))).append("</td><td class=\"sha\">")
                    .append(esc(i.get("sha256"))).append("</td><td>").append(esc(i.get("arrived_at"))).append("</td><td class=\"n\">")
                    .append(AccountabilityExport.number(i.get("rows_read"))).append("</td><td class=\"n\">")
                    .append(AccountabilityExport.number(i.get("rows_rejected"))).append("</td><td class=\"n\">")
                    .append(AccountabilityExport.number(i.get("rows_supplied"))).append("</td></tr>\n");
        }
        if (inputs.isEmpty()) {
            h.append("<tr><td colspan=\"7\">geen invoerbestanden</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String value(Object v, String unit) {
        return v == null ? "" : esc(AccountabilityExport.number(v) + unit);
    }

    private static String range(Object min, Object max, String unit) {
        if (min == null && max == null) {
            return "";
        }
        return esc(AccountabilityExport.number(min) + " – " + (max == null ? "open" : AccountabilityExport.number(max)) + unit);
    }

    static String esc(Object o) {
        String s = o == null ? "" : o.toString();
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Text inside a CSS string. */
    private static String css(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
