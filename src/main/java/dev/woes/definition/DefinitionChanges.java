package dev.woes.definition;

/**
 * The changes a caller asks for on a status or priority label; a null member leaves that
 * field as it is.
 */
public record DefinitionChanges(String label, Boolean enabled, Integer rank, String tone, String color) {

	String orLabel(String current) {
		return (this.label != null) ? this.label : current;
	}

	boolean orEnabled(boolean current) {
		return (this.enabled != null) ? this.enabled : current;
	}

	int orRank(int current) {
		return (this.rank != null) ? this.rank : current;
	}

	String orTone(String current) {
		return (this.tone != null) ? this.tone : current;
	}

	String orColor(String current) {
		return (this.color != null) ? this.color : current;
	}

}
