package dev.woes.issue;

import dev.woes.shared.RecordNotFound;

public class ExternalLinkNotFound extends RecordNotFound {

	public ExternalLinkNotFound() {
		super("External link not found.");
	}

}
