package dev.woes.webhook;

import java.util.List;

/**
 * What a PATCH changes; {@code null} leaves a field as it is.
 */
public record WebhookChanges(String name, String url, List<String> events, Boolean enabled) {

}
