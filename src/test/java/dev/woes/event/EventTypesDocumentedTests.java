package dev.woes.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event type table of docs/events.md lists exactly the types of {@link EventType}, in
 * the same order.
 */
class EventTypesDocumentedTests {

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z_.]+)` \\|", Pattern.MULTILINE);

	@Test
	void theDocumentedEventTypesAreExactlyTheOnesTheServerKnows() throws IOException {
		String document = Files.readString(Path.of("docs", "events.md"));
		int start = document.indexOf("\n## Event types\n");
		assertThat(start).as("docs/events.md has a section '## Event types'").isNotNegative();
		int end = document.indexOf("\n## ", start + 1);
		String section = document.substring(start, (end < 0) ? document.length() : end);

		Matcher rows = ROW.matcher(section);
		List<String> documented = rows.results().map((row) -> row.group(1)).toList();

		assertThat(documented)
			.containsExactlyElementsOf(Arrays.stream(EventType.values()).map(EventType::wireName).toList());
	}

}
