package dev.woes.definition;

import dev.woes.shared.InvalidRequest;

/**
 * A workspace holds at most {@value #MAX} definitions of each kind, so that their lists
 * are always answered whole.
 */
public class DefinitionLimit extends InvalidRequest {

	public static final int MAX = 200;

	public DefinitionLimit(String kind) {
		super("A workspace holds at most " + MAX + " " + kind + "; delete one first.");
	}

}
