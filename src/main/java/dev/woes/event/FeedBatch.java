package dev.woes.event;

import java.util.List;

/**
 * What one read of the feed found after a cursor.
 *
 * @param settled the events a reader may pass, in feed order
 * @param pending whether committed events follow them that an older transaction, still
 * running, holds back for now: reading again shortly will find them
 */
public record FeedBatch(List<StoredEvent> settled, boolean pending) {

}
