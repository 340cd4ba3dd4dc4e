package nl.impactmonitor.jobs.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins within {@code window} for one user name, or
 * from one address, further login attempts for that user or from that address get 429 (with {@code Retry-After})
 * until the oldest failure leaves the window. Covers HTTP Basic (API, actuator) and the page's form login. Every
 * failure and every refusal is logged as a security event with user and address, never the password.
 */
public final class LoginThrottle {

    private static final Logger security = LoggerFactory.getLogger("nl.impactmonitor.security");

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds until a login for {@code user} from {@code address} is accepted again; 0 when it is now. */
    public long retryAfterSeconds(String user, String address) {
        return Math.max(wait("user:" + user), wait("addr:" + address));
    }

    private long wait(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < maxFailures) {
                return 0;
            }
            Instant oldest = times.peekFirst();
            return Math.max(1, Duration.between(clock.instant(), oldest.plus(window)).toSeconds() + 1);
        }
    }

    public void failed(String user, String address) {
        int byUser = record("user:" + user);
        int byAddress = record("addr:" + address);
        security.warn("Security event: failed login for user '{}' from {} ({} for this user, {} from this address in the last {})",
                user, address, byUser, byAddress, window);
    }

    private int record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
            return times.size();
        }
    }

    private void prune(Deque<Instant> times) {
        Instant horizon = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.removeFirst();
        }
    }

    /** User names as logged: no control characters, at most 64 characters (a name is attacker-chosen text). */
    static String printable(String user) {
        if (user == null) {
            return "";
        }
        String clean = user.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 64 ? clean : clean.substring(0, 61) + "...";
    }

    /**
     * The servlet filter in front of authentication: refuses a throttled attempt before its password is checked, and
     * records the outcome of the others (401 for Basic, a redirect to {@code ?error} for the form).
     */
    public OncePerRequestFilter filter(String formLoginPath) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String user = attemptedUser(request, formLoginPath);
                if (user == null) {
                    chain.doFilter(request, response);
                    return;
                }
                String address = request.getRemoteAddr();
                long retry = retryAfterSeconds(user, address);
                if (retry > 0) {
                    security.warn("Security event: login refused for user '{}' from {}: too many failed logins, retry in {} s",
                            user, address, retry);
                    response.setStatus(429);
                    response.setHeader("Retry-After", Long.toString(retry));
                    response.setContentType("application/json");
                    response.getWriter().write("{\"error\":\"too many failed logins for this user or address; try again in "
                            + retry + " s\"}");
                    return;
                }
                chain.doFilter(request, response);
                String location = response.getHeader("Location");
                if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                        || location != null && location.contains("error") && request.getRequestURI().endsWith(formLoginPath)) {
                    failed(user, address);
                }
            }
        };
    }

    /** The user name a request tries to log in with: the Basic header's, or the login form's; null when it tries none. */
    static String attemptedUser(HttpServletRequest request, String formLoginPath) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return printable(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return "(unreadable Basic header)";
            }
        }
        if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith(formLoginPath)) {
            return printable(request.getParameter("username"));
        }
        return null;
    }
}
