package dev.woes.workspace;

import dev.woes.shared.RecordConflict;

public class WorkspaceAlreadyExists extends RecordConflict {

	public WorkspaceAlreadyExists(WorkspaceSlug slug) {
		super("A workspace with the slug '" + slug + "' already exists.");
	}

}
