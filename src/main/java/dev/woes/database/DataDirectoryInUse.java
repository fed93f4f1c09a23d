package dev.woes.database;

import java.nio.file.Path;

import dev.woes.shared.StartupRefused;

/**
 * Another running server owns the data directory; two servers on one embedded database
 * would corrupt each other's view of it.
 */
public class DataDirectoryInUse extends StartupRefused {

	DataDirectoryInUse(Path dataDirectory, long postgresPid) {
		super("The data directory " + dataDirectory.toAbsolutePath().normalize()
				+ " is in use by another running Woes server (its PostgreSQL has pid " + postgresPid + ").",
				"Stop the other server, or give this one its own WOES_DATA_DIR, or point both at one PostgreSQL with WOES_DATABASE_URL.");
	}

}
