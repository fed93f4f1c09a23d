package dev.woes.shared;

import java.util.List;

/**
 * One page of a keyset-paginated list: the items and whether more follow the last of
 * them.
 */
public record Page<T>(List<T> items, boolean hasMore) {

	/**
	 * Builds a page from a query that fetched one row more than the limit to learn
	 * whether more follow.
	 */
	public static <T> Page<T> fromOverfetch(List<T> rows, int limit) {
		if (rows.size() > limit) {
			return new Page<>(List.copyOf(rows.subList(0, limit)), true);
		}
		return new Page<>(List.copyOf(rows), false);
	}

	public T last() {
		return this.items.get(this.items.size() - 1);
	}

}
