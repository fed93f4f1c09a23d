package dev.woes.issue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An issue's tags: at most {@value #MAX} labels, each kept once whatever its case. The
 * first spelling of a label wins and the order is kept.
 */
public final class Tags {

	public static final int MAX = 25;

	public static final int MAX_LENGTH = 64;

	private Tags() {
	}

	public static List<String> deduplicated(List<String> tags) {
		Set<String> seen = new HashSet<>();
		List<String> kept = new ArrayList<>();
		for (String tag : tags) {
			if (seen.add(tag.toLowerCase(Locale.ROOT))) {
				kept.add(tag);
			}
		}
		return List.copyOf(kept);
	}

}
