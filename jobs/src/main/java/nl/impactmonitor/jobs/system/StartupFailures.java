package nl.impactmonitor.jobs.system;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;
import java.util.function.Predicate;

import nl.impactmonitor.jobs.progress.TargetsCatalogue;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;

/**
 * Turns a start-up failure into one sentence a steward can act on: what is wrong (the file and line where there is
 * one) and the fix. Registered as a Spring Boot {@link FailureAnalyzer}; {@link OneLineFailureReporter} prints it,
 * and the command line maps it to an exit code (3 when another process holds the warehouse or job repository).
 */
public final class StartupFailures implements FailureAnalyzer {

    /** A diagnosis: the sentence, the fix, and the command line's exit code. */
    public record Diagnosis(String problem, String fix, int exitCode) {
    }

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_CONFLICT = 3;

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return diagnose(failure).map(d -> new FailureAnalysis(d.problem(), d.fix(), failure)).orElse(null);
    }

    public static Optional<Diagnosis> diagnose(Throwable failure) {
        Throwable t;
        if ((t = find(failure, e -> e instanceof TargetsCatalogue.InvalidCatalogueException)) != null) {
            return Optional.of(new Diagnosis(oneLine(t.getMessage()), "correct config/targets.yaml at the lines named and start again", EXIT_FAILED));
        }
        if ((t = find(failure, e -> e instanceof nl.impactmonitor.jobs.allocation.AllocationRegister.InvalidRegisterException)) != null) {
            return Optional.of(new Diagnosis(oneLine(t.getMessage()), "correct config/allocations.yaml at the lines named and start again", EXIT_FAILED));
        }
        if ((t = find(failure, e -> message(e).startsWith("Refusing to start: "))) != null) {
            return Optional.of(new Diagnosis(oneLine(message(t).substring("Refusing to start: ".length())),
                    "configure the admin users as config/application-prod.yml shows (passwords from the environment)", EXIT_FAILED));
        }
        if ((t = find(failure, e -> message(e).contains("Could not set lock on file"))) != null) {
            String holder = message(t).replaceAll("(?s).*Conflicting lock is held in (.*?)\\.?( See also.*)?$", "$1");
            return Optional.of(new Diagnosis("the warehouse is in use by another process"
                    + (holder.equals(message(t)) ? "" : " (" + oneLine(holder) + ")"),
                    "DuckDB admits one writing process: stop the service (or the other command) first, or use the admin API while it runs",
                    EXIT_CONFLICT));
        }
        if ((t = find(failure, e -> message(e).contains("The file is locked") || message(e).contains("Database may be already in use"))) != null) {
            String file = message(t).replaceAll("(?s).*?(?:The file is locked|already in use): \"?([^\"\\[]+?)\"?(?:[.\\s\\[].*)?$", "$1");
            return Optional.of(new Diagnosis("the job repository " + oneLine(file) + " is in use by another process (the service, or another command)",
                    "the warehouse and its job repository admit one process: stop the service first, or use the admin API while it runs",
                    EXIT_CONFLICT));
        }
        if ((t = find(failure, e -> e instanceof PortInUseException)) != null) {
            return Optional.of(new Diagnosis(oneLine(t.getMessage()),
                    "stop what listens on that port, or start with --server.port=<free port>", EXIT_FAILED));
        }
        if ((t = find(failure, e -> e instanceof NoSuchFileException)) != null) {
            return Optional.of(new Diagnosis("file " + ((NoSuchFileException) t).getFile() + " is missing",
                    "restore it (git checkout -- <file>) or correct the impactmonitor.* setting that points to it", EXIT_FAILED));
        }
        if ((t = find(failure, e -> e instanceof AccessDeniedException || e instanceof NotDirectoryException
                || e instanceof FileAlreadyExistsException)) != null) {
            String why = t instanceof AccessDeniedException ? "cannot be written by this user"
                    : "is in the way: a file where a folder is needed";
            return Optional.of(new Diagnosis(((FileSystemException) t).getFile() + " " + why,
                    "var/ under impactmonitor.home must be a folder this user can write (chown or chmod it, or move the file away)",
                    EXIT_FAILED));
        }
        if ((t = find(failure, e -> message(e).startsWith("Cannot create folder for warehouse")
                || message(e).contains("Could not create directory") || message(e).contains("Read-only file system"))) != null) {
            return Optional.of(new Diagnosis(oneLine(t.getMessage()),
                    "var/ under impactmonitor.home must be a folder this user can write", EXIT_FAILED));
        }
        if ((t = find(failure, e -> e instanceof java.net.ConnectException || message(e).contains("Connection refused")
                || message(e).contains("Connection to ") && message(e).contains("refused"))) != null) {
            return Optional.of(new Diagnosis("the job repository database cannot be reached: " + oneLine(t.getMessage()),
                    "start the database or correct spring.datasource.url (SPRING_DATASOURCE_URL)", EXIT_FAILED));
        }
        if ((t = find(failure, e -> e.getClass().getName().equals("org.postgresql.util.PSQLException")
                || e.getClass().getName().startsWith("org.h2.jdbc.JdbcSQL") && message(e).contains("90"))) != null) {
            return Optional.of(new Diagnosis("the job repository database refused the connection: " + oneLine(t.getMessage()),
                    "check spring.datasource.url, username and password", EXIT_FAILED));
        }
        if ((t = find(failure, e -> e.getClass().getName().equals("nl.impactmonitor.warehouse.WarehouseException"))) != null) {
            return Optional.of(new Diagnosis(oneLine(t.getMessage()), "see ops/runbook.md, section on start-up failures", EXIT_FAILED));
        }
        if ((t = find(failure, e -> e instanceof IllegalStateException && message(e).matches("(?s).*(config/reference|\\.csv).*"))) != null) {
            return Optional.of(new Diagnosis(oneLine(t.getMessage()), "correct the reference file at the line named and start again", EXIT_FAILED));
        }
        return Optional.empty();
    }

    /** The deepest cause in the chain that matches: the most specific explanation. */
    private static Throwable find(Throwable failure, Predicate<Throwable> match) {
        Throwable found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (match.test(t)) {
                found = t;
            }
        }
        return found;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage();
    }

    /** Multi-line messages (a catalogue with several errors) become one line: parts joined with '; '. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String joined = text.strip().replaceAll("\\s*\\n\\s*", "; ").replace(":;", ":");
        return joined.length() <= 400 ? joined : joined.substring(0, 397) + "...";
    }
}
