package nl.impactmonitor.jobs.admin;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.operations.BadRunRequestException;
import nl.impactmonitor.jobs.system.RunConflictException;
import nl.impactmonitor.jobs.operations.RunService;
import nl.impactmonitor.jobs.operations.Sources;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stewards' admin page (Dutch): recent runs with their counts, and forms that rerun a partition, restart,
 * stop or start the nightly flow. Each form posts with the session's CSRF token and comes back to the page with
 * what happened, including why a run could not start.
 */
@ConditionalOnWebApplication
@Controller
@RequestMapping("/admin")
public class AdminPageController {

    static final int PAGE_SIZE = 20;
    static final int REJECTS_PAGE_SIZE = 50;
    private static final Map<String, String> STATUS_NL = Map.of(
            "COMPLETED", "voltooid", "FAILED", "mislukt", "STARTED", "bezig", "STARTING", "start",
            "STOPPING", "stopt", "STOPPED", "gestopt", "ABANDONED", "opgegeven", "UNKNOWN", "onbekend");

    private final RunQueries queries;
    private final RunService runService;
    private final ImpactmonitorProperties props;
    private final CockpitQueries cockpit;
    private final ScheduleAndPublication schedule;

    public AdminPageController(RunQueries queries, RunService runService, ImpactmonitorProperties props, CockpitQueries cockpit,
                               ScheduleAndPublication schedule) {
        this.queries = queries;
        this.runService = runService;
        this.props = props;
        this.cockpit = cockpit;
        this.schedule = schedule;
    }

    /** One table row: the execution with what the page shows about it in words. */
    public record Row(ExecutionView execution, String statusNl, String duration, String summary) {
    }

    public record Department(String code, String name) {
    }

    /** Stewards see the forms; viewers see the same page without them. */
    @ModelAttribute
    public void user(Authentication authentication, Model model) {
        addUser(authentication, model);
    }

    /** The signed-in user's name and whether a steward, for the header and the forms of every admin page. */
    static void addUser(Authentication authentication, Model model) {
        model.addAttribute("userName", authentication == null ? null : authentication.getName());
        model.addAttribute("steward", authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + AdminUsers.STEWARD).equals(a.getAuthority())));
    }

    @GetMapping("/login")
    public String login() {
        return "admin/login";
    }

    @GetMapping({"", "/"})
    public String index(@RequestParam(defaultValue = "0") int page, Model model) {
        ExecutionsPage executions = queries.executions(Math.max(0, page), PAGE_SIZE, null);
        model.addAttribute("rows", executions.executions().stream().map(AdminPageController::row).toList());
        model.addAttribute("page", executions.page());
        model.addAttribute("hasNext", (long) (executions.page() + 1) * PAGE_SIZE < executions.total());
        model.addAttribute("total", executions.total());
        model.addAttribute("sources", Source.tokens());
        model.addAttribute("departments", departments());
        boolean anyRunning = executions.executions().stream().anyMatch(ExecutionView::running) || cockpit.anyRunning();
        model.addAttribute("anyRunning", anyRunning);
        model.addAttribute("panel", schedule.panel());
        model.addAttribute("grid", null);
        model.addAttribute("latestTests", null);
        // Which file supplies what: read from the warehouse only while no run writes it (a run would make the page wait).
        if (!anyRunning) {
            try {
                List<nl.impactmonitor.warehouse.InboxLedger.Supply> supplies = runService.supplies();
                model.addAttribute("superseded", supplies.stream().filter(x -> !x.current()).toList());
                model.addAttribute("currentFiles", supplies.stream().filter(nl.impactmonitor.warehouse.InboxLedger.Supply::current).count());
                model.addAttribute("notCounted", runService.inboxFiles().stream()
                        .filter(x -> !x.state().equals(nl.impactmonitor.warehouse.InboxLedger.PRESENT)).toList());
                model.addAttribute("grid", cockpit.grid());
                model.addAttribute("latestTests", cockpit.latestDataTests());
            } catch (RuntimeException e) {
                model.addAttribute("superseded", null);
            }
        }
        return "admin/index";
    }

    @GetMapping("/executions/{id}")
    public String execution(@PathVariable long id, @RequestParam(defaultValue = "0") int rejectsPage,
                            @RequestParam(required = false) String file, @RequestParam(required = false) String reason,
                            jakarta.servlet.http.HttpServletRequest request, Model model) {
        ExecutionView execution = queries.execution(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "geen uitvoering " + id));
        model.addAttribute("row", row(execution));
        model.addAttribute("tests", null);
        model.addAttribute("cockpitRejects", null);
        if (cockpit.warehouseReadable() && !execution.running()) {
            // The warehouse is open here: data tests and the filterable rejects browser (issue 23).
            model.addAttribute("tests", cockpit.dataTests(id));
            CockpitQueries.Rejects filtered = cockpit.rejects(new CockpitQueries.RejectFilter(id, null, null, null, file, reason),
                    Math.max(0, rejectsPage), CockpitPageController.REJECTS_PAGE_SIZE);
            model.addAttribute("cockpitRejects", filtered);
            model.addAttribute("links", CockpitPageController.links(request, request.getRequestURI(), filtered, "rejectsPage"));
        }
        RejectsPage rejects = queries.rejects(id, Math.max(0, rejectsPage), REJECTS_PAGE_SIZE).orElseThrow();
        model.addAttribute("rejects", rejects);
        model.addAttribute("rejectsHasNext", (long) (rejects.page() + 1) * REJECTS_PAGE_SIZE < rejects.total());
        return "admin/execution";
    }

    @PostMapping("/reruns")
    public String rerun(@RequestParam(required = false) String source, @RequestParam(required = false) String department,
                        @RequestParam(required = false) String year, @RequestParam(required = false) String file,
                        RedirectAttributes redirect) {
        Integer y;
        try {
            y = year == null || year.isBlank() ? null : Integer.valueOf(year.trim());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "Niet gestart: jaar '" + year + "' is geen getal.");
            return "redirect:/admin";
        }
        Integer rerunYear = y;
        return act(redirect, "Herladen van " + source + " " + department + " " + year,
                () -> runService.rerunPartition(source, department, rerunYear, file == null || file.isBlank() ? null : file.trim()));
    }

    @PostMapping("/retirements")
    public String retire(@RequestParam(required = false) String source, @RequestParam(required = false) String file,
                         @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            var w = runService.retire(source, file == null ? null : file.trim(), note);
            redirect.addFlashAttribute("message", "Teruggetrokken: " + source + " " + w.file()
                    + (w.fellBack().isEmpty() ? "" : "; terug naar eerder bestand: " + String.join(", ", w.fellBack()))
                    + (w.gone().isEmpty() ? "" : "; geen bestand meer voor: " + String.join(", ", w.gone()))
                    + ". Cijfers veranderen bij de volgende run.");
        } catch (BadRunRequestException | RunConflictException e) {
            redirect.addFlashAttribute("error", "Niet teruggetrokken: " + e.getMessage());
        } catch (Exception e) {
            redirect.addFlashAttribute("error", "Terugtrekken mislukt: " + e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/executions/{id}/restart")
    public String restart(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "Herstart van uitvoering " + id, () -> runService.restart(id));
    }

    @PostMapping("/executions/{id}/stop")
    public String stop(@PathVariable long id, RedirectAttributes redirect) {
        try {
            runService.stop(id);
            redirect.addFlashAttribute("message", "Uitvoering " + id + " stopt na de huidige stap.");
        } catch (BadRunRequestException | RunConflictException e) {
            redirect.addFlashAttribute("error", "Niet gestopt: " + e.getMessage());
        } catch (Exception e) {
            redirect.addFlashAttribute("error", "Stoppen mislukt: " + e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/nightly")
    public String nightly(RedirectAttributes redirect) {
        return act(redirect, "Nachtelijke run", () -> runService.startNightly("admin page"));
    }

    @FunctionalInterface
    interface Start {
        JobExecution start() throws Exception;
    }

    private static String act(RedirectAttributes redirect, String what, Start start) {
        try {
            JobExecution execution = start.start();
            redirect.addFlashAttribute("message", what + " gestart: uitvoering " + execution.getId()
                    + " (" + execution.getJobInstance().getJobName() + ").");
        } catch (RunConflictException e) {
            redirect.addFlashAttribute("error", "Niet gestart, er loopt al iets: " + e.getMessage());
        } catch (BadRunRequestException e) {
            redirect.addFlashAttribute("error", "Niet gestart, ongeldig verzoek: " + e.getMessage());
        } catch (Exception e) {
            redirect.addFlashAttribute("error", "Niet gestart: " + e.getMessage());
        }
        return "redirect:/admin";
    }

    static Row row(ExecutionView e) {
        String duration = "";
        if (e.startTime() != null) {
            Duration d = Duration.between(e.startTime(), e.endTime() != null ? e.endTime() : LocalDateTime.now());
            duration = d.toHours() > 0 ? String.format("%du %02dm", d.toHours(), d.toMinutesPart())
                    : String.format("%dm %02ds", d.toMinutes(), d.toSecondsPart());
        }
        List<String> parts = new ArrayList<>();
        for (String key : List.of("source", "department", "year", "file", "trigger")) {
            Object v = e.identifyingParameters().containsKey(key) ? e.identifyingParameters().get(key) : e.otherParameters().get(key);
            if (v != null) {
                parts.add(v.toString());
            }
        }
        // An execution whose process ended under it is not a failure of the data: say so, Restart completes it.
        String statusNl = nl.impactmonitor.jobs.operations.RunService.INTERRUPTED.equals(e.exitCode()) ? "onderbroken"
                : STATUS_NL.getOrDefault(e.status(), e.status().toLowerCase());
        return new Row(e, statusNl, duration, String.join(" ", parts));
    }

    /** Department codes and names for the rerun form, from the reference file (not the busy warehouse). */
    private List<Department> departments() {
        Path file = props.resolve(props.referenceDir()).resolve("departments.csv");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Reader in = Files.newBufferedReader(file)) {
            // a code with several periods (EZ 2010-2017 and since 2024) is one choice, named as in its latest period
            java.util.Map<String, Department> departments = new java.util.LinkedHashMap<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                departments.put(r.get("department_code"), new Department(r.get("department_code"), r.get("name_nl")));
            }
            return new ArrayList<>(departments.values());
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
