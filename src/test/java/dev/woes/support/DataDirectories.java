package dev.woes.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh, empty data directories under {@code target/test-data}, one per scenario, so no
 * test sees another's database.
 */
public final class DataDirectories {

	private DataDirectories() {
	}

	public static Path newDataDirectory(String prefix) {
		try {
			Path target = Path.of("target", "test-data");
			Files.createDirectories(target);
			return Files.createTempDirectory(target, prefix + "-").toAbsolutePath();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
