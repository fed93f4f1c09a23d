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
	 * Finds an operator and locks it until the current transaction ends.
	 */
	Optional<Operator> findForUpdate(WorkspaceId workspace, UUID id);

	/**
	 * The workspace's operators whose email is one of these, compared without case.
	 */
	List<Operator> findByEmails(WorkspaceId workspace, Collection<String> emails);

	/**
	 * @throws DuplicateOperatorEmail when another operator of the workspace has the new
	 * email
	 */
	void update(WorkspaceId workspace, Operator operator);

	/**
	 * Deletes an operator with their team memberships and follows.
	 * @throws OperatorStillAssigned when conversations are assigned to them
	 */
	void remove(WorkspaceId workspace, UUID id);

	/**
	 * Lists per the query, oldest first, fetching up to {@code rows} rows.
	 */
	List<Operator> list(WorkspaceId workspace, OperatorQuery query, int rows);

}
