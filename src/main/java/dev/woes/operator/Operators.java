package dev.woes.operator;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.workspace.WorkspaceId;

/**
 * Where operators are kept.
 */
public interface Operators {

	/**
	 * Stores a new operator.
	 * @throws DuplicateOperatorEmail when the workspace has an operator with that email
	 */
	void add(WorkspaceId workspace, Operator operator);

	Optional<Operator> find(WorkspaceId workspace, UUID id);

	/**
	 * The workspace's operators whose email is one of these, compared without case.
	 */
	List<Operator> findByEmails(WorkspaceId workspace, Collection<String> emails);

}
