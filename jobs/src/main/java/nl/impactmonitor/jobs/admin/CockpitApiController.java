package nl.impactmonitor.jobs.admin;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The stewards' cockpit as JSON (issue 23): the same partition grid, partition history, data-test results, rejects and
 * schedule/publication panel the admin pages show, from the same {@link CockpitQueries} and {@link ScheduleAndPublication}.
 * Reads of the warehouse answer 503 while a run is active (it holds the warehouse) or on a cluster node without it.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping(path = "/admin/api", produces = "application/json")
@Tag(name = "cockpit", description = "Partition grid, data-test results, rejects, schedule and publication")
@SecurityRequirement(name = AdminOpenApiConfiguration.BASIC)
public class CockpitApiController {

    private final CockpitQueries cockpit;
    private final ScheduleAndPublication schedule;

    public CockpitApiController(CockpitQueries cockpit, ScheduleAndPublication schedule) {
        this.cockpit = cockpit;
        this.schedule = schedule;
    }

    @GetMapping("/partitions")
    @Operation(summary = "The partition grid per source: departments x years, each cell with its state (loaded, loaded_with_rejects, "
            + "superseded_file_present, missing, failed, not_applicable), reason, current file(s), arrival and load time, rows loaded "
            + "and rejected (VIEWER)")
    @ApiResponse(responseCode = "503", description = "a run is active or the warehouse is not open on this node")
    public CockpitQueries.Grid partitions() {
        readable();
        return cockpit.grid();
    }

    @GetMapping("/partitions/{source}/{department}/{year}")
    @Operation(summary = "One partition's history: every load of a file that supplied it, which counts now, and the runs that "
            + "touched it (VIEWER)")
    @ApiResponse(responseCode = "404", description = "no such source, department or year in the grid")
    @ApiResponse(responseCode = "503", description = "a run is active or the warehouse is not open on this node")
    public CockpitQueries.History partition(@PathVariable String source, @PathVariable String department, @PathVariable int year) {
        readable();
        return cockpit.history(source, department, year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no partition " + source + " " + department + " " + year + " in the grid"));
    }

    @GetMapping("/executions/{id}/data-tests")
    @Operation(summary = "The data tests an execution ran: name, severity, rows failing, up to 5 failing rows, SQL file (VIEWER)")
    public List<CockpitQueries.DataTestResult> dataTests(@PathVariable long id) {
        readable();
        return cockpit.dataTests(id);
    }

    @GetMapping("/data-tests/latest")
    @Operation(summary = "The latest result of every data test, whichever run checked it last (VIEWER)")
    public List<CockpitQueries.DataTestResult> latestDataTests() {
        readable();
        return cockpit.latestDataTests();
    }

    @GetMapping("/rejects")
    @Operation(summary = "Rejected rows by source, file and line, of one execution and/or one partition's current loads, filtered "
            + "by file and reason (VIEWER); the same rows as CSV (Dutch Excel: ';', UTF-8 with BOM) at /admin/rejects.csv")
    public CockpitQueries.Rejects rejects(
            @Parameter(description = "only rows of this execution's loads") @RequestParam(required = false) Long execution,
            @Parameter(description = "source; with department and year: the partition's current loads") @RequestParam(required = false) String source,
            @RequestParam(required = false) String department, @RequestParam(required = false) Integer year,
            @Parameter(description = "file name, exactly") @RequestParam(required = false) String file,
            @Parameter(description = "text the reason contains (any case)") @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > AdminApiController.MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be 0 or more and size from 1 to " + AdminApiController.MAX_PAGE_SIZE);
        }
        if (!cockpit.warehouseReadable()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the warehouse is not open on this node");
        }
        return cockpit.rejects(new CockpitQueries.RejectFilter(execution, source, department, year, file, reason), page, size);
    }

    @GetMapping("/schedule")
    @Operation(summary = "Next scheduled nightly (time and zone), last and last successful nightly, the publication latest points "
            + "to (run id, data version, age) and the warnings the admin page shows as a banner (VIEWER)")
    public ScheduleAndPublication.Panel schedule() {
        return schedule.panel();
    }

    private void readable() {
        if (!cockpit.warehouseReadable()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the warehouse is not open on this node");
        }
        if (cockpit.anyRunning()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "a run is active and holds the warehouse; ask again when it has ended");
        }
    }
}
