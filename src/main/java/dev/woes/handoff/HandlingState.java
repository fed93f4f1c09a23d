package dev.woes.handoff;

import java.util.Locale;

/**
 * Who handles a conversation: automation ({@code agent}, the initial state), nobody yet
 * because a person was asked for ({@code handoff_requested}), or a person
 * ({@code operator}).
 */
public enum HandlingState {

	AGENT, HANDOFF_REQUESTED, OPERATOR;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static HandlingState of(Handoff active) {
		if (active == null) {
			return AGENT;
		}
		return active.state().equals(Handoff.REQUESTED) ? HANDOFF_REQUESTED : OPERATOR;
	}

}
