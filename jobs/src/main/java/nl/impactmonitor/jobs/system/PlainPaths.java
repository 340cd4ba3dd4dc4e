package nl.impactmonitor.jobs.system;

import java.beans.PropertyEditorSupport;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.beans.factory.config.CustomEditorConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code impactmonitor.*} paths as plain file-system paths, relative to the working directory. Spring's own
 * {@code PathEditor} goes through the resource loader first, and in service mode that resolves a text such as
 * {@code .} against the embedded Tomcat's temporary document root ({@code /tmp/tomcat-docbase.*}) instead of the
 * folder the service was started in. Configuration-property binding consults registered editors before any
 * converter, so the fix is an editor of our own.
 */
@Configuration(proxyBeanMethods = false)
public class PlainPaths {

    @Bean
    static CustomEditorConfigurer plainPathEditor() {
        CustomEditorConfigurer configurer = new CustomEditorConfigurer();
        configurer.setCustomEditors(Map.of(Path.class, PlainPathEditor.class));
        return configurer;
    }

    /** {@code Path.of(text)}: no resource lookup, no URL forms. */
    public static final class PlainPathEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(text == null ? null : Path.of(text.strip()));
        }
    }
}
