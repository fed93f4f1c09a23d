package dev.woes.issue;

/**
 * What a caller wants changed on an external link: a null key or url stays as it is; the
 * status changes (possibly to null, unknown) only when {@code changesStatus}.
 */
public record ExternalLinkChanges(String key, String url, boolean changesStatus, String status) {

}
