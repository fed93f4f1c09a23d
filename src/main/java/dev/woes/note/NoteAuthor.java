package dev.woes.note;

import java.util.Objects;
import java.util.UUID;

/**
 * Who wrote a note: an operator of the workspace, named by id, or an automation, named by
 * its name.
 *
 * @param type {@link #OPERATOR} or {@link #AUTOMATION}
 * @param operatorId the operator's id; {@code null} for an automation
 * @param name the automation's name; {@code null} for an operator
 */
public record NoteAuthor(String type, UUID operatorId, String name) {

	public static final String OPERATOR = "operator";

	public static final String AUTOMATION = "automation";

	public NoteAuthor {
		Objects.requireNonNull(type, "type");
		if (type.equals(OPERATOR) != (operatorId != null) || type.equals(AUTOMATION) != (name != null)) {
			throw new IllegalArgumentException("An operator is named by id, an automation by name.");
		}
	}

	public static NoteAuthor operator(UUID operatorId) {
		return new NoteAuthor(OPERATOR, Objects.requireNonNull(operatorId, "operatorId"), null);
	}

	public static NoteAuthor automation(String name) {
		return new NoteAuthor(AUTOMATION, null, Objects.requireNonNull(name, "name"));
	}

	public boolean isOperator() {
		return OPERATOR.equals(this.type);
	}

}
