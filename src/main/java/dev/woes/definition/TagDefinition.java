package dev.woes.definition;

import java.util.UUID;

import dev.woes.shared.Uuids;

/**
 * A tag: a name, unique in its workspace regardless of case.
 */
public record TagDefinition(UUID id, String name, TagScope scope, String color, String description) {

	public static final String DEFAULT_COLOR = "#6B7280";

	public static TagDefinition create(String name, TagScope scope, String color, String description) {
		return new TagDefinition(Uuids.v7(), name, scope, color, description);
	}

	public TagDefinition with(String newName, TagScope newScope, String newColor, String newDescription) {
		return new TagDefinition(this.id, (newName != null) ? newName : this.name,
				(newScope != null) ? newScope : this.scope, (newColor != null) ? newColor : this.color,
				(newDescription != null) ? newDescription : this.description);
	}

}
