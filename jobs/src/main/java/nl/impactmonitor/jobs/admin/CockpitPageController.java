package nl.impactmonitor.jobs.admin;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cockpit's own pages (issue 23): a partition's history with the rerun button, the rejects browser and its CSV
 * download, and the latest publication's report. The grid, the data tests and the schedule panel are on the start
 * page and the run page ({@link AdminPageController}).
 */
@ConditionalOnWebApplication
@Controller
@RequestMapping("/admin")
public class CockpitPageController {

    static final int REJECTS_PAGE_SIZE = 50;
    /** At most this many rows in one CSV download. */
    static final int CSV_MAX_ROWS = 1_000_000;

    /**
     * Excel as set up in the Netherlands: {@code ;} between fields (the list separator where {@code ,} is the decimal
     * comma), CRLF, fields quoted when needed; the file starts with a UTF-8 byte order mark so Excel reads it as UTF-8.
     */
    static final CSVFormat DUTCH_EXCEL = CSVFormat.EXCEL.builder().setDelimiter(';').get();
    static final String BOM = "\uFEFF";

    private final CockpitQueries cockpit;
    private final ScheduleAndPublication schedule;

    public CockpitPageController(CockpitQueries cockpit, ScheduleAndPublication schedule) {
        this.cockpit = cockpit;
        this.schedule = schedule;
    }

    @org.springframework.web.bind.annotation.ModelAttribute
    public void user(org.springframework.security.core.Authentication authentication, Model model) {
        AdminPageController.addUser(authentication, model);
    }

    /** Previous/next, form action and CSV address of a rejects page. */
    public record RejectLinks(String action, String csv, String previous, String next) {
    }

    @GetMapping("/partitions/{source}/{department}/{year}")
    public String partition(@PathVariable String source, @PathVariable String department, @PathVariable int year,
                            @RequestParam(required = false) String file, @RequestParam(required = false) String reason,
                            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        if (!cockpit.warehouseReadable() || cockpit.anyRunning()) {
            model.addAttribute("busy", true);
            model.addAttribute("source", source);
            model.addAttribute("department", department);
            model.addAttribute("year", year);
            return "admin/partition";
        }
        CockpitQueries.History history = cockpit.history(source, department, year).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "geen partitie " + source + " " + department + " " + year));
        model.addAttribute("busy", false);
        model.addAttribute("history", history);
        model.addAttribute("cell", history.cell());
        model.addAttribute("rows", history.executions().stream().map(AdminPageController::row).toList());
        CockpitQueries.RejectFilter filter = new CockpitQueries.RejectFilter(null, source, department, year, file, reason);
        CockpitQueries.Rejects rejects = cockpit.rejects(filter, Math.max(0, page), REJECTS_PAGE_SIZE);
        model.addAttribute("rejects", rejects);
        model.addAttribute("links", links(request, request.getRequestURI(), rejects, "page"));
        return "admin/partition";
    }

    @GetMapping("/rejects")
    public String rejects(@RequestParam(required = false) Long execution, @RequestParam(required = false) String source,
                          @RequestParam(required = false) String department, @RequestParam(required = false) Integer year,
                          @RequestParam(required = false) String file, @RequestParam(required = false) String reason,
                          @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        model.addAttribute("busy", !cockpit.warehouseReadable());
        if (cockpit.warehouseReadable()) {
            CockpitQueries.Rejects rejects = cockpit.rejects(new CockpitQueries.RejectFilter(execution, source, department, year, file, reason),
                    Math.max(0, page), REJECTS_PAGE_SIZE);
            model.addAttribute("rejects", rejects);
            model.addAttribute("links", links(request, request.getRequestURI(), rejects, "page"));
        }
        return "admin/rejects";
    }

    /** The filtered rejects as a CSV file in the Dutch Excel dialect (see {@link #DUTCH_EXCEL}), all rows. */
    @GetMapping("/rejects.csv")
    public void rejectsCsv(@RequestParam(required = false) Long execution, @RequestParam(required = false) String source,
                           @RequestParam(required = false) String department, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) String file, @RequestParam(required = false) String reason,
                           HttpServletResponse response) throws IOException {
        if (!cockpit.warehouseReadable()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "het magazijn is op deze node niet open");
        }
        CockpitQueries.Rejects rejects = cockpit.rejects(new CockpitQueries.RejectFilter(execution, source, department, year, file, reason),
                0, CSV_MAX_ROWS);
        String name = "afgewezen" + (execution != null ? "-uitvoering-" + execution : "")
                + (source != null && department != null && year != null ? "-" + source + "-" + department + "-" + year : "") + ".csv";
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, DUTCH_EXCEL)) {
            csv.printRecord("bron", "bestand", "regel", "kolom", "waarde", "reden", "load_id", "blad", "beginregel");
            for (RejectsPage.Reject r : rejects.rows()) {
                csv.printRecord(r.source(), r.file(), r.line(), r.column(), r.value(), r.reason(), r.loadId(), r.sheet(), r.startLine());
            }
        }
    }

    /** A file of the report in the publication latest points to (the report's pages link to each other by name). */
    @GetMapping("/publication/report/{file:.+}")
    public void report(@PathVariable String file, HttpServletResponse response) throws IOException {
        Path path = schedule.reportFile(file);
        if (path == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "geen rapportbestand " + file + " in de laatste publicatie");
        }
        String name = path.getFileName().toString();
        response.setContentType(name.endsWith(".html") ? "text/html; charset=UTF-8"
                : name.endsWith(".css") ? "text/css; charset=UTF-8" : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream");
        Files.copy(path, response.getOutputStream());
    }

    static RejectLinks links(HttpServletRequest request, String path, CockpitQueries.Rejects rejects, String pageParam) {
        CockpitQueries.RejectFilter f = rejects.filter();
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if (f.execution() != null) {
            query.queryParam("execution", f.execution());
        }
        if (f.source() != null && !f.source().isBlank()) {
            query.queryParam("source", f.source());
        }
        if (f.department() != null && !f.department().isBlank()) {
            query.queryParam("department", f.department());
        }
        if (f.year() != null) {
            query.queryParam("year", f.year());
        }
        if (f.file() != null && !f.file().isBlank()) {
            query.queryParam("file", f.file());
        }
        if (f.reason() != null && !f.reason().isBlank()) {
            query.queryParam("reason", f.reason());
        }
        String csv = query.cloneBuilder().path(request.getContextPath() + "/admin/rejects.csv").encode().build().toUriString();
        String previous = rejects.page() > 0
                ? query.cloneBuilder().path(path).queryParam(pageParam, rejects.page() - 1).encode().build().toUriString() : null;
        String next = rejects.hasNext()
                ? query.cloneBuilder().path(path).queryParam(pageParam, rejects.page() + 1).encode().build().toUriString() : null;
        return new RejectLinks(path, csv, previous, next);
    }
}
