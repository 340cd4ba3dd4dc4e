package nl.impactmonitor.jobs.admin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the admin API and page ({@code impactmonitor.security.*}, config/application.yml). A password is
 * stored as {@code {bcrypt}...} or {@code {noop}...}; one without such a prefix (typically
 * {@code ${IMPACTMONITOR_STEWARD_PASSWORD}} from the environment) is taken as plain text and hashed at start-up.
 *
 * @param users the accounts; when empty outside production, a steward and a viewer get generated passwords
 * @param requireConfiguredUsers refuse to start without configured users (set by profile {@code prod})
 */
@ConfigurationProperties("impactmonitor.security")
public record AdminSecurityProperties(
        @DefaultValue List<User> users,
        @DefaultValue("false") boolean requireConfiguredUsers) {

    /** One account: a name, its password and its roles ({@code STEWARD} and/or {@code VIEWER}). */
    public record User(String name, String password, @DefaultValue List<String> roles) {
    }
}
