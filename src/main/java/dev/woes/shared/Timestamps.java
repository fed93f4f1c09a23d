package dev.woes.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The API speaks ISO-8601 UTC with exactly three fractional digits; the database keeps
 * milliseconds too, so a value read back always equals the value returned at creation.
 */
public final class Timestamps {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public static String format(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : null;
	}

	/**
	 * For a JDBC parameter; null stays null. An {@code OffsetDateTime}, not a
	 * {@code Timestamp}: the driver sends it typed as {@code timestamptz}, where it sends
	 * a {@code Timestamp} untyped for the server to infer. An untyped parameter makes the
	 * driver describe the statement, and a described statement that returns text it then
	 * sends only after a round trip of its own (it fears a reply too large to buffer):
	 * one more round trip for every statement with a time in it that returns rows, and
	 * for the settings and {@code BEGIN} sent in front of it.
	 */
	public static OffsetDateTime toSql(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * Reads a nullable timestamp column.
	 */
	public static Instant fromSql(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
