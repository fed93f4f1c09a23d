package dev.woes.operator;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;

/**
 * Looks operators up for the rest of the server: assignment, replies, notes and handoffs
 * name operators by id, mentions by email.
 */
@Service
public class OperatorDirectory {

	private final Operators operators;

	OperatorDirectory(Operators operators) {
		this.operators = operators;
	}

	/**
	 * The operator with that id in the workspace.
	 * @throws OperatorNotFound when there is none
	 */
	public Operator require(WorkspaceId workspace, UUID id) {
		return this.operators.find(workspace, id).orElseThrow(OperatorNotFound::new);
	}

	/**
	 * The workspace's operators with these emails (compared without case); emails no
	 * operator has are left out.
	 */
	public List<Operator> withEmails(WorkspaceId workspace, Collection<String> emails) {
		return emails.isEmpty() ? List.of() : this.operators.findByEmails(workspace, emails);
	}

}
