package dev.woes.database;

import dev.woes.shared.StartupRefused;

/**
 * {@code WOES_DATABASE_SYSTEM_ROLE} is not a plain role name.
 */
public class InvalidSystemRole extends StartupRefused {

	InvalidSystemRole(String name) {
		super("WOES_DATABASE_SYSTEM_ROLE is '" + name + "', which is not a plain role name.",
				"Use lower-case letters, digits and underscores (at most 63, not starting with a digit), "
						+ "for example woes_system.");
	}

}
