package nl.impactmonitor.jobs.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Admin accounts from configuration: production refuses to start without them, elsewhere they are generated. */
class AdminUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void productionRefusesToStartWithoutUsersAndNamesTheSetting() {
        new WebApplicationContextRunner()
                .withUserConfiguration(AdminUsersConfiguration.class)
                .withPropertyValues("spring.profiles.active=prod")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("Refusing to start")
                            .hasMessageContaining("impactmonitor.security.users");
                });
    }

    @Test
    void productionRefusesAPasswordWhoseEnvironmentVariableIsMissing() {
        new WebApplicationContextRunner()
                .withUserConfiguration(AdminUsersConfiguration.class)
                .withPropertyValues("impactmonitor.security.require-configured-users=true",
                        "impactmonitor.security.users[0].name=steward",
                        "impactmonitor.security.users[0].password=${IMPACTMONITOR_ADMIN_TEST_UNSET_VARIABLE}",
                        "impactmonitor.security.users[0].roles[0]=STEWARD")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("IMPACTMONITOR_ADMIN_TEST_UNSET_VARIABLE");
                });
    }

    @Test
    void withoutUsersOutsideProductionAStewardAndAViewerGetPasswordsPrintedOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<UserDetails> users = AdminUsers.from(new AdminSecurityProperties(List.of(), false), false,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        Matcher steward = Pattern.compile("steward / (\\S+)").matcher(printed);
        Matcher viewer = Pattern.compile("viewer  / (\\S+)").matcher(printed);
        assertThat(steward.find()).isTrue();
        assertThat(viewer.find()).isTrue();
        String stewardPassword = steward.group(1);
        String viewerPassword = viewer.group(1);
        assertThat(steward.find()).as("printed once").isFalse();
        assertThat(users).extracting(UserDetails::getUsername).containsExactly("steward", "viewer");
        assertThat(encoder.matches(stewardPassword, users.get(0).getPassword())).isTrue();
        assertThat(encoder.matches(viewerPassword, users.get(1).getPassword())).isTrue();
        assertThat(users.get(0).getPassword()).startsWith("{bcrypt}").doesNotContain(stewardPassword);
        assertThat(users.get(0).getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STEWARD");
        assertThat(users.get(1).getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");
    }

    @Test
    void configuredPasswordsKeepTheirSchemeAndPlainOnesAreHashed() {
        String hash = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("hashed-one");
        List<UserDetails> users = AdminUsers.from(new AdminSecurityProperties(List.of(
                new AdminSecurityProperties.User("a", hash, List.of("STEWARD")),
                new AdminSecurityProperties.User("b", "{noop}plain-noop-long", List.of("viewer")),
                new AdminSecurityProperties.User("c", "from-the-environment", List.of("VIEWER", "STEWARD"))), true), true, System.out);

        assertThat(encoder.matches("hashed-one", users.get(0).getPassword())).isTrue();
        assertThat(encoder.matches("plain-noop-long", users.get(1).getPassword())).isTrue();
        assertThat(users.get(2).getPassword()).startsWith("{bcrypt}");
        assertThat(encoder.matches("from-the-environment", users.get(2).getPassword())).isTrue();
        assertThat(users.get(2).getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_STEWARD");
    }

    @Test
    void unknownRoleAndBlankPasswordAreRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> AdminUsers.from(new AdminSecurityProperties(List.of(
                new AdminSecurityProperties.User("a", "{noop}x", List.of("ADMIN"))), false), false, System.out))
                .hasMessageContaining("impactmonitor.security.users[0].roles").hasMessageContaining("ADMIN");
        assertThatThrownBy(() -> AdminUsers.from(new AdminSecurityProperties(List.of(
                new AdminSecurityProperties.User("a", " ", List.of("VIEWER"))), false), false, System.out))
                .hasMessageContaining("impactmonitor.security.users[0].password");
    }

    @Test
    void productionRefusesPasswordsShorterThanTwelveCharacters() {
        assertThatThrownBy(() -> AdminUsers.from(new AdminSecurityProperties(List.of(
                new AdminSecurityProperties.User("steward", "elevenchars", List.of("STEWARD"))), true), true, System.out))
                .hasMessageContaining("impactmonitor.security.users[0].password").hasMessageContaining("11 characters")
                .hasMessageContaining("at least 12");
        assertThat(AdminUsers.from(new AdminSecurityProperties(List.of(
                new AdminSecurityProperties.User("steward", "twelve-chars", List.of("STEWARD"))), true), true, System.out)).hasSize(1);
        assertThat(AdminUsers.from(new AdminSecurityProperties(List.of(
                new AdminSecurityProperties.User("steward", "short", List.of("STEWARD"))), false), false, System.out))
                .as("outside production a short password is the operator's choice").hasSize(1);
    }

    @Test
    void configuredUsersAreTheOnlyAccounts() {
        new WebApplicationContextRunner()
                .withUserConfiguration(AdminUsersConfiguration.class)
                .withPropertyValues("spring.profiles.active=prod",
                        "impactmonitor.security.users[0].name=steward",
                        "impactmonitor.security.users[0].password={noop}s3cret-s3cret",
                        "impactmonitor.security.users[0].roles[0]=STEWARD")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    UserDetailsService users = context.getBean(UserDetailsService.class);
                    assertThat(users.loadUserByUsername("steward").getPassword()).isEqualTo("{noop}s3cret-s3cret");
                });
    }
}
