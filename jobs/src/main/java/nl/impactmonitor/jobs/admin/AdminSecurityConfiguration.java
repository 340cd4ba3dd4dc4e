package nl.impactmonitor.jobs.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import static nl.impactmonitor.jobs.admin.AdminUsers.STEWARD;
import static nl.impactmonitor.jobs.admin.AdminUsers.VIEWER;

/**
 * Three filter chains. The API ({@code /admin/api/**} and its OpenAPI docs) is stateless HTTP Basic without CSRF
 * tokens; reads need VIEWER or STEWARD, everything else STEWARD. Actuator: health is public (details for STEWARD,
 * see application.properties), prometheus needs VIEWER or STEWARD. The admin page uses form login with a session
 * and CSRF tokens on every form; its posts need STEWARD.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AdminSecurityConfiguration {

    static final String API = "/admin/api/**";
    static final String LOGIN = "/admin/login";
    static final String[] API_DOCS = {"/admin/api-docs", "/admin/api-docs/**", "/admin/swagger-ui.html", "/admin/swagger-ui/**"};

    /** Failed logins per user and per address (LoginThrottle): 10 in 5 minutes by default. */
    @Bean
    LoginThrottle loginThrottle(@Value("${impactmonitor.security.login-throttle.max-failures:10}") int maxFailures,
                                @Value("${impactmonitor.security.login-throttle.window:5m}") Duration window) {
        return new LoginThrottle(maxFailures, window, Clock.systemUTC());
    }

    /** The admin page loads nothing from elsewhere and runs no inline script; styles are inline attributes. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain adminApiChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.securityMatcher(concat(API, API_DOCS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, concat(API, API_DOCS)).hasAnyRole(VIEWER, STEWARD)
                        .anyRequest().hasRole(STEWARD))
                .httpBasic(b -> b.realmName("Impactmonitor admin").authenticationEntryPoint(AdminSecurityConfiguration::unauthorized))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(AdminSecurityConfiguration::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> jsonError(response, HttpServletResponse.SC_FORBIDDEN,
                                "role " + STEWARD + " required for this request")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic: no session to ride on, so no CSRF tokens; a browser's cross-site post is refused instead.
                .csrf(c -> c.disable())
                .addFilterBefore(new CrossSiteWriteFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(throttle.filter(LOGIN), BasicAuthenticationFilter.class)
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(VIEWER, STEWARD)
                        .anyRequest().hasRole(STEWARD))
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(throttle.filter(LOGIN), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain adminPageChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/admin", "/admin/", "/admin/executions/**", "/admin/partitions/**", "/admin/rejects",
                                "/admin/rejects.csv", "/admin/publication/**").hasAnyRole(VIEWER, STEWARD)
                        .requestMatchers(HttpMethod.POST, "/admin/**").hasRole(STEWARD)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage(LOGIN).defaultSuccessUrl("/admin", true).permitAll())
                .logout(l -> l.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout").permitAll())
                .addFilterBefore(throttle.filter(LOGIN), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        // CSRF protection stays on (Spring Security's default): every form carries the session's token.
        return http.build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     org.springframework.security.core.AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Impactmonitor admin\"");
        jsonError(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication required (HTTP Basic)");
    }

    /** Writes {@code {"error": message}}; messages here are constants without characters that need escaping. */
    static void jsonError(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /**
     * Browsers may resend cached Basic credentials on a cross-site form post; without CSRF tokens on the API, such a
     * state change is refused when the browser says it comes from another site ({@code Sec-Fetch-Site}). Scripts and
     * curl send no such header and are unaffected.
     */
    static final class CrossSiteWriteFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String site = request.getHeader("Sec-Fetch-Site");
            boolean write = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())
                    && !HttpMethod.OPTIONS.matches(request.getMethod());
            if (write && site != null && !site.equals("same-origin") && !site.equals("none")) {
                jsonError(response, HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
