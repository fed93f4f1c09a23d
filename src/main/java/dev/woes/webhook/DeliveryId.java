package dev.woes.webhook;

import java.util.UUID;

import dev.woes.shared.Uuids;

public record DeliveryId(UUID value) {

	/**
	 * A path id that is not a UUID names no delivery.
	 */
	public static DeliveryId parse(String text) {
		return Uuids.parse(text).map(DeliveryId::new).orElseThrow(DeliveryNotFound::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
