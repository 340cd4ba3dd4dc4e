package nl.impactmonitor.jobs.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI description of the admin API, served at {@code /admin/api-docs} with Swagger UI at
 * {@code /admin/swagger-ui.html} (both for VIEWER and STEWARD, over HTTP Basic; paths in application.properties).
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
public class AdminOpenApiConfiguration {

    static final String BASIC = "basic";

    @Bean
    OpenAPI adminOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Impactmonitor admin API")
                        .description("Job executions, rejected rows, partition reruns, restarts and the nightly flow. "
                                + "Reads need role VIEWER or STEWARD; changes need STEWARD.")
                        .version("1"))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
