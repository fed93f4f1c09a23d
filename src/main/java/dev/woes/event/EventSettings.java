package dev.woes.event;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long events are kept and how the real-time stream behaves ({@code woes.events.*}).
 *
 * @param retention how long an event stays readable ({@code WOES_EVENTS_RETENTION})
 * @param purgeInterval how often expired events are deleted
 * @param purgeBatchSize events deleted per transaction, so a purge never holds back the
 * feed for long
 * @param heartbeatInterval how often an idle stream sends a comment line
 * @param pollInterval how often a node reads a streamed workspace's feed without being
 * woken, to pick up an event whose signal was lost
 * @param streamBuffer events a stream may fall behind before it is dropped
 */
@ConfigurationProperties("woes.events")
public record EventSettings(@DefaultValue("30d") Duration retention, @DefaultValue("10m") Duration purgeInterval,
		@DefaultValue("1000") int purgeBatchSize, @DefaultValue("15s") Duration heartbeatInterval,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("1000") int streamBuffer) {

}
