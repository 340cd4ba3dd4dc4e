package nl.impactmonitor.jobs.admin;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Turns {@link AdminSecurityProperties} into accounts, refusing what would leave the admin layer open or unusable:
 * an unset password (an environment variable that is missing), an unknown role, a duplicate name. Without configured
 * users it either refuses (production) or makes a steward and a viewer with random passwords, printed once to
 * standard output so they never end up in a log file.
 */
public final class AdminUsers {

    public static final String STEWARD = "STEWARD";
    public static final String VIEWER = "VIEWER";
    static final Set<String> ROLES = Set.of(STEWARD, VIEWER);

    private static final Pattern ENCODED = Pattern.compile("^\\{([a-zA-Z0-9_-]+)}.*", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private AdminUsers() {
    }

    /**
     * @param production true when users must be configured (profile prod or {@code require-configured-users})
     * @param out where generated passwords are printed (standard output)
     */
    /** Shortest password profile prod accepts (a hash given as {bcrypt}... cannot be measured and is taken as it is). */
    static final int MIN_PRODUCTION_PASSWORD = 12;

    public static List<UserDetails> from(AdminSecurityProperties props, boolean production, PrintStream out) {
        if (props.users().isEmpty()) {
            if (production) {
                throw new IllegalStateException("Refusing to start: no admin users configured. Set impactmonitor.security.users"
                        + " (name, password, roles) in config/application-prod.yml, with the steward's password from the"
                        + " environment variable IMPACTMONITOR_STEWARD_PASSWORD.");
            }
            return generated(out);
        }
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < props.users().size(); i++) {
            AdminSecurityProperties.User u = props.users().get(i);
            String key = "impactmonitor.security.users[" + i + "]";
            if (u.name() == null || u.name().isBlank()) {
                throw new IllegalStateException("Refusing to start: " + key + ".name is not set");
            }
            if (!names.add(u.name())) {
                throw new IllegalStateException("Refusing to start: admin user '" + u.name() + "' is configured twice");
            }
            String password = u.password();
            if (password == null || password.isBlank() || PLACEHOLDER.matcher(password).find()) {
                Matcher variable = password == null ? null : PLACEHOLDER.matcher(password);
                String hint = variable != null && variable.find() ? " (environment variable " + variable.group(1) + " is not set)" : "";
                throw new IllegalStateException("Refusing to start: " + key + ".password for admin user '" + u.name()
                        + "' is not set" + hint);
            }
            String plain = password.startsWith("{noop}") ? password.substring(6) : ENCODED.matcher(password).matches() ? null : password;
            if (production && plain != null && plain.length() < MIN_PRODUCTION_PASSWORD) {
                throw new IllegalStateException("Refusing to start: " + key + ".password for admin user '" + u.name() + "' has "
                        + plain.length() + " characters; production needs at least " + MIN_PRODUCTION_PASSWORD);
            }
            if (u.roles().isEmpty()) {
                throw new IllegalStateException("Refusing to start: " + key + ".roles for admin user '" + u.name()
                        + "' is empty: use " + STEWARD + " and/or " + VIEWER);
            }
            List<String> roles = new ArrayList<>();
            for (String role : u.roles()) {
                String r = role.trim().toUpperCase(Locale.ROOT);
                if (!ROLES.contains(r)) {
                    throw new IllegalStateException("Refusing to start: " + key + ".roles of admin user '" + u.name()
                            + "' names unknown role '" + role + "': use " + STEWARD + " and/or " + VIEWER);
                }
                roles.add(r);
            }
            // A plain password (from the environment) is hashed now, so no plain text stays in memory.
            String stored = ENCODED.matcher(password).matches() ? password : "{bcrypt}" + bcrypt.encode(password);
            users.add(User.withUsername(u.name()).password(stored).roles(roles.toArray(String[]::new)).build());
        }
        return users;
    }

    private static List<UserDetails> generated(PrintStream out) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        String steward = randomPassword();
        String viewer = randomPassword();
        out.println();
        out.println("No admin users configured (impactmonitor.security.users); generated for this start only:");
        out.println("  steward / " + steward + "   (role STEWARD: reruns, restarts, stop, nightly)");
        out.println("  viewer  / " + viewer + "   (role VIEWER: read only)");
        out.println("Configure users before running in production (profile prod refuses to start without them).");
        out.println();
        out.flush();
        return List.of(
                User.withUsername("steward").password("{bcrypt}" + bcrypt.encode(steward)).roles(STEWARD).build(),
                User.withUsername("viewer").password("{bcrypt}" + bcrypt.encode(viewer)).roles(VIEWER).build());
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
