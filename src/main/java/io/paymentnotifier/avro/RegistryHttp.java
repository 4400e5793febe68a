package io.paymentnotifier.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends registry requests: the registry's content type, auth and extra headers, retry of transient
 * failures with exponential backoff, then failover to the next URL. A registry that never answers
 * usefully becomes {@link RegistryUnavailableException}; an error answer becomes {@link
 * SchemaRegistryException} with the registry's {@code error_code}.
 */
final class RegistryHttp implements Closeable {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);

  private final List<URI> configuredUrls = new ArrayList<>();
  private final AtomicInteger preferredUrl = new AtomicInteger();
  private final AvroSerdeConfig config;
  private final RegistryAuth auth;
  private final CloseableHttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  RegistryHttp(final AvroSerdeConfig config) {
    this.config = config;
    this.auth = RegistryAuth.from(config);
    config.urls().forEach(url -> configuredUrls.add(URI.create(url.trim())));
    this.http = RegistryHttpClients.create(config);
  }

  /** Sends the request and returns the JSON answer (null for an empty 2xx body). */
  JsonNode send(final String method, final String path, final JsonNode body) {
    final int start = preferredUrl.get();
    RuntimeException last = null;
    for (int i = 0; i < configuredUrls.size(); i++) {
      final int index = (start + i) % configuredUrls.size();
      try {
        final JsonNode answer = sendWithRetries(configuredUrls.get(index), method, path, body);
        preferredUrl.set(index);
        return answer;
      } catch (final TransientFailure e) {
        last = e;
        LOG.warn(
            "Schema Registry {} failed {} {}: {}",
            RegistryAuth.withoutUserInfo(configuredUrls.get(index)),
            method,
            path,
            e.getMessage());
      }
    }
    throw new RegistryUnavailableException(
        "Schema Registry unavailable at every configured URL for " + method + " " + path,
        last.getCause());
  }

  private JsonNode sendWithRetries(
      final URI url, final String method, final String path, final JsonNode body) {
    final int maxRetries = config.getInt(AvroSerdeConfig.MAX_RETRIES);
    for (int attempt = 0; ; attempt++) {
      try {
        return sendOnce(url, method, path, body);
      } catch (final TransientFailure e) {
        if (attempt >= maxRetries) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private JsonNode sendOnce(
      final URI url, final String method, final String path, final JsonNode body) {
    final HttpUriRequestBase request = request(url, method, path, body);
    try {
      return http.execute(request, response -> answer(response, method, path));
    } catch (final IOException e) {
      throw new TransientFailure(e);
    }
  }

  private HttpUriRequestBase request(
      final URI url, final String method, final String path, final JsonNode body) {
    final URI base = RegistryAuth.withoutUserInfo(url);
    final String prefix = base.toString().replaceAll("/+$", "");
    final HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(prefix + path));
    request.setHeader("Accept", ACCEPT);
    request.setHeader("Confluent-Accept-Unknown-Properties", "true");
    auth.authorization(url).ifPresent(value -> request.setHeader("Authorization", value));
    for (final Map.Entry<String, String> header : config.requestHeaders().entrySet()) {
      request.setHeader(header.getKey(), header.getValue());
    }
    if (body != null) {
      request.setEntity(new ByteArrayEntity(bytes(body), ContentType.create(CONTENT_TYPE)));
    }
    return request;
  }

  private JsonNode answer(
      final ClassicHttpResponse response, final String method, final String path)
      throws IOException {
    final int status = response.getCode();
    final String text =
        response.getEntity() == null
            ? ""
            : new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8);
    if (status >= 200 && status < 300) {
      return text.isBlank() ? null : json.readTree(text);
    }
    final SchemaRegistryException error = RegistryErrors.parse(json, status, text, method, path);
    if (TRANSIENT_STATUSES.contains(status)) {
      throw new TransientFailure(error);
    }
    throw error;
  }

  private void pause(final int attempt) {
    final long wait =
        Math.min(
            config.getLong(AvroSerdeConfig.RETRIES_WAIT_MS) << Math.min(attempt, 20),
            config.getLong(AvroSerdeConfig.RETRIES_MAX_WAIT_MS));
    try {
      Thread.sleep(wait);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException("Interrupted while waiting to retry the registry", e);
    }
  }

  private byte[] bytes(final JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (final IOException e) {
      throw new IllegalStateException("Cannot write registry request JSON", e);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }

  /** A failure worth retrying or failing over: no answer, or a transient status. */
  private static final class TransientFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransientFailure(final Exception cause) {
      super(cause.getMessage(), cause);
    }
  }
}
