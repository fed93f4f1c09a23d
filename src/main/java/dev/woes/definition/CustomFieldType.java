package dev.woes.definition;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a custom field holds. {@code select} and {@code multi-select} choose among the
 * field's options; the others take no options.
 */
public enum CustomFieldType {

	TEXT("text"), NUMBER("number"), DECIMAL("decimal"), SELECT("select"), MULTI_SELECT("multi-select"),
	BOOLEAN("boolean"), DATE("date"), URL("url");

	private final String wireName;

	CustomFieldType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	public boolean hasOptions() {
		return this == SELECT || this == MULTI_SELECT;
	}

	public static Optional<CustomFieldType> fromWireName(String name) {
		return Arrays.stream(values()).filter((type) -> type.wireName.equals(name)).findFirst();
	}

}
