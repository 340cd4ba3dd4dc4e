package nl.impactmonitor.jobs.admin;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.impactmonitor.jobs.operations.BadRunRequestException;
import nl.impactmonitor.jobs.operations.RunService;
import nl.impactmonitor.warehouse.InboxLedger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Stewards' JSON API: what ran, what it rejected, and reruns, restarts, stops and the nightly flow on request.
 * Runs start in the background: a start answers 202 with the execution's address to poll. Errors are
 * {@code {"error": message}}: 400 bad request, 404 no such execution, 409 another run is in the way.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping(path = "/admin/api", produces = "application/json")
@Tag(name = "runs", description = "Job executions, rejected rows and run control")
@SecurityRequirement(name = AdminOpenApiConfiguration.BASIC)
public class AdminApiController {

    static final int MAX_PAGE_SIZE = 500;

    private final RunQueries queries;
    private final RunService runService;

    public AdminApiController(RunQueries queries, RunService runService) {
        this.queries = queries;
        this.runService = runService;
    }

    @GetMapping("/executions")
    @Operation(summary = "Executions, newest first, with parameters and per-step counts (VIEWER)")
    public ExecutionsPage executions(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                     @Parameter(description = "only executions of this job, e.g. nightly or partition-rerun")
                                     @RequestParam(required = false) String job) {
        checkPage(page, size);
        return queries.executions(page, size, job);
    }

    @GetMapping("/executions/{id}")
    @Operation(summary = "One execution in detail (VIEWER)")
    @ApiResponse(responseCode = "404", description = "no such execution")
    public ExecutionView execution(@PathVariable long id) {
        return queries.execution(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/executions/{id}/rejects")
    @Operation(summary = "Rows rejected by the execution's file steps, by file and line (VIEWER)")
    public RejectsPage rejects(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        return queries.rejects(id, page, size).orElseThrow(() -> notFound(id));
    }

    @PostMapping(path = "/reruns", consumes = "application/json")
    @Operation(summary = "Reload one (source, department, year) partition from a file in the landing folder (STEWARD)")
    @ApiResponse(responseCode = "202", description = "started; Location is the execution")
    @ApiResponse(responseCode = "400", description = "unknown source or department, bad year, file not in the landing folder")
    @ApiResponse(responseCode = "409", description = "the partition is being rerun, or a run that writes the warehouse is active")
    public ResponseEntity<RunAccepted> rerun(@RequestBody RerunRequest request) throws Exception {
        if (request.file() != null && (request.file().contains("/") || request.file().contains("\\"))) {
            // Checked by RunService too; a name with a folder in it never reaches the file system.
            throw new BadRunRequestException("file '" + request.file() + "' must be a file name in the landing folder, without a path");
        }
        return accepted(runService.rerunPartition(request.source(), request.department(), request.year(), request.file()));
    }

    @PostMapping(path = "/retirements", consumes = "application/json")
    @Operation(summary = "Withdraw a file that stays in its landing folder (STEWARD): its partitions fall back to the latest"
            + " remaining file or disappear at the next build; it counts again when it arrives anew")
    @ApiResponse(responseCode = "200", description = "retired; the partitions that fell back and those now without a file")
    @ApiResponse(responseCode = "400", description = "unknown source, no such file recorded, or retired already")
    @ApiResponse(responseCode = "409", description = "a run that writes the warehouse is active")
    public InboxLedger.Withdrawal retire(@RequestBody RetireRequest request) throws Exception {
        return runService.retire(request.source(), request.file(), request.note());
    }

    @GetMapping("/inputs")
    @Operation(summary = "Per source and (department, year): the file that is current (latest arrival) and the files it"
            + " supersedes; and the files retired or kept after leaving the landing folder (VIEWER)")
    public InputsView inputs() {
        return new InputsView(runService.supplies(), runService.inboxFiles().stream()
                .filter(e -> !e.state().equals(InboxLedger.PRESENT)).toList());
    }

    /** The answer of {@code GET /admin/api/inputs}. */
    public record InputsView(java.util.List<InboxLedger.Supply> partitions, java.util.List<InboxLedger.Entry> withdrawnOrKept) {
    }

    @PostMapping("/executions/{id}/restart")
    @Operation(summary = "Restart a failed or stopped execution from where it stopped (STEWARD)")
    public ResponseEntity<RunAccepted> restart(@PathVariable long id) throws Exception {
        queries.execution(id).orElseThrow(() -> notFound(id));
        return accepted(runService.restart(id));
    }

    @PostMapping("/executions/{id}/stop")
    @Operation(summary = "Ask a running execution to stop after its current step (STEWARD)")
    public ResponseEntity<RunAccepted> stop(@PathVariable long id) throws Exception {
        queries.execution(id).orElseThrow(() -> notFound(id));
        runService.stop(id);
        ExecutionView now = queries.execution(id).orElseThrow(() -> notFound(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location(id))
                .body(new RunAccepted(id, now.jobName(), now.status(), location(id).toString()));
    }

    @PostMapping("/nightly")
    @Operation(summary = "Start the nightly flow now (STEWARD); 409 while a run that writes the warehouse is active")
    public ResponseEntity<RunAccepted> nightly() throws Exception {
        return accepted(runService.startNightly("admin API"));
    }

    private ResponseEntity<RunAccepted> accepted(JobExecution execution) {
        URI location = location(execution.getId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(new RunAccepted(execution.getId(),
                execution.getJobInstance().getJobName(), execution.getStatus().name(), location.toString()));
    }

    private static URI location(long id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/admin/api/executions/{id}").buildAndExpand(id).toUri();
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no job execution " + id);
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRunRequestException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
