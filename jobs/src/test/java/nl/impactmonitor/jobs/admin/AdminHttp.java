package nl.impactmonitor.jobs.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running service, as a script (HTTP Basic) or a browser would (session cookie, CSRF token
 * from the page's forms). Redirects are not followed, so tests see them.
 */
final class AdminHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    AdminHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Credentials as user:password, or null for none. */
    HttpResponse<String> get(String path, String credentials) {
        return send(request(path, credentials).GET().build());
    }

    HttpResponse<String> post(String path, String credentials) {
        return send(request(path, credentials).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> postJson(String path, String credentials, String json) {
        return send(postJsonRequest(path, credentials, json));
    }

    CompletableFuture<HttpResponse<String>> postJsonAsync(String path, String credentials, String json) {
        return client.sendAsync(postJsonRequest(path, credentials, json), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private HttpRequest postJsonRequest(String path, String credentials, String json) {
        return request(path, credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls an execution through the API until it has ended (10 minutes at most: the samples' nightly takes under a
     * minute on a quiet 2-core machine but over three when other builds share it); its final view.
     */
    JsonNode awaitEnd(long id, String credentials) {
        return awaitEnd(id, credentials, Duration.ofMinutes(10));
    }

    /** Polls an execution through the API until it has ended ({@code limit} at most); its final view. */
    JsonNode awaitEnd(long id, String credentials, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get("/admin/api/executions/" + id, credentials);
            if (r.statusCode() != 200) {
                throw new AssertionError("GET execution " + id + ": HTTP " + r.statusCode() + " " + r.body());
            }
            JsonNode e = json(r);
            if (!e.path("running").asBoolean()
                    && !java.util.Set.of("STARTING", "STARTED", "STOPPING").contains(e.path("status").asString())) {
                return e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new AssertionError("execution " + id + " did not end within " + limit.toMinutes() + " minutes");
    }

    /** The step of that name in an execution's view. */
    static JsonNode step(JsonNode execution, String name) {
        for (JsonNode s : execution.path("steps")) {
            if (s.path("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no step " + name + " in " + execution.path("steps"));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    Browser browser() {
        return new Browser();
    }

    /** A browser session on the admin page: cookies kept, CSRF token taken from the last page's forms. */
    final class Browser {

        private final Map<String, String> cookies = new LinkedHashMap<>();
        String csrf;

        HttpResponse<String> get(String path) {
            HttpResponse<String> r = send(withCookies(request(path, null)).GET().build());
            keepCookies(r);
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        /** Posts a form; the CSRF token is added when {@code withToken}. */
        HttpResponse<String> post(String path, Map<String, String> form, boolean withToken) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (withToken) {
                fields.put("_csrf", csrf);
            }
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> r = send(withCookies(request(path, null)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            keepCookies(r);
            return r;
        }

        /** Logs in through the login form; returns this session. */
        Browser login(String user, String password) {
            get("/admin/login");
            HttpResponse<String> r = post("/admin/login", Map.of("username", user, "password", password), true);
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login of " + user + " failed: " + r.statusCode() + " " + r.headers().map());
            }
            get("/admin");
            return this;
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder b) {
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
            return b;
        }

        private void keepCookies(HttpResponse<String> r) {
            for (String header : r.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }
}
