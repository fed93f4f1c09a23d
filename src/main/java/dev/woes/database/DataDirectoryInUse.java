package dev.woes.database;

import java.nio.file.Path;

/**
 * Another running server owns the data directory; two servers on one embedded database
 * would corrupt each other's view of it.
 */
public class DataDirectoryInUse extends IllegalStateException {

	DataDirectoryInUse(Path dataDirectory, long postgresPid) {
		super("The data directory " + dataDirectory.toAbsolutePath().normalize()
				+ " is in use by another running Woes server (its PostgreSQL has pid " + postgresPid + ").");
	}

}
