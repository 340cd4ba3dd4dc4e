package nl.impactmonitor.jobs.admin;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The admin accounts, only when the application runs as the service (a CLI command has no web layer and needs
 * none). Profile {@code prod} refuses to start without configured users.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AdminSecurityProperties.class)
public class AdminUsersConfiguration {

    @Bean
    UserDetailsService adminUserDetailsService(AdminSecurityProperties props, Environment environment) {
        boolean production = props.requireConfiguredUsers() || Arrays.asList(environment.getActiveProfiles()).contains("prod");
        return new InMemoryUserDetailsManager(AdminUsers.from(props, production, System.out));
    }

    /** Stored passwords carry their scheme: {@code {bcrypt}...} or {@code {noop}...}. */
    @Bean
    PasswordEncoder adminPasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
