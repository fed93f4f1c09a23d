package dev.woes.definition.persistence;

import dev.woes.definition.DuplicateDefinition;

import org.springframework.dao.DuplicateKeyException;

/**
 * Runs a write and turns a unique-name violation into {@link DuplicateDefinition}.
 */
final class Duplicates {

	private Duplicates() {
	}

	static void refuse(Runnable write, String sentence) {
		try {
			write.run();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateDefinition(sentence);
		}
	}

}
