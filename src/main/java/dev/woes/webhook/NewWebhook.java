package dev.woes.webhook;

import java.util.List;

/**
 * What creating an endpoint needs.
 *
 * @param events event types; empty receives every type
 */
public record NewWebhook(String name, String url, List<String> events, boolean enabled) {

}
