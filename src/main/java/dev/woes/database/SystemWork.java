package dev.woes.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a transaction becomes system work: by switching to the {@link SystemRole}, when the
 * role the pool logs in as is a member of it (the migrations set that up when the
 * application has a role of its own), or else by the setting {@code woes.system}, which
 * the policy for the migrations' role reads (when the application runs as that role).
 * Which one is asked of the database once, on the first system work.
 */
final class SystemWork {

	private static final String MEMBERSHIP = """
			SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)
			            THEN pg_has_role(current_user, ?, 'MEMBER') ELSE false END
			""";

	/**
	 * A request's or unscoped work's transaction: the login role, no system work.
	 */
	private static final Settings OTHER_WORK = new Settings("none", "off");

	/**
	 * System work where the login role may not switch: the setting the migrations' policy
	 * reads.
	 */
	private static final Settings SYSTEM_BY_SETTING = new Settings("none", "on");

	private final SystemRole role;

	private final Settings systemByRole;

	private volatile Boolean switchesRole;

	SystemWork(SystemRole role) {
		this.role = role;
		this.systemByRole = new Settings(role.name(), "off");
	}

	/**
	 * The values of {@code role} and {@code woes.system} for a transaction with this
	 * access.
	 * @param connection the physical connection, to ask once whether it may switch
	 */
	Settings settings(Access access, Connection connection) throws SQLException {
		if (!access.system()) {
			return OTHER_WORK;
		}
		return switchesRole(connection) ? this.systemByRole : SYSTEM_BY_SETTING;
	}

	private boolean switchesRole(Connection connection) throws SQLException {
		Boolean known = this.switchesRole;
		if (known == null) {
			try (PreparedStatement statement = connection.prepareStatement(MEMBERSHIP)) {
				statement.setString(1, this.role.name());
				statement.setString(2, this.role.name());
				try (ResultSet row = statement.executeQuery()) {
					row.next();
					known = row.getBoolean(1);
				}
			}
			this.switchesRole = known;
		}
		return known;
	}

	/**
	 * The values of {@code role} and {@code woes.system} for one transaction.
	 */
	record Settings(String role, String system) {

	}

}
