package dev.woes.operator;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;

/**
 * Looks operators up for the rest of the server: assignment, replies, notes and handoffs
 * name operators by id, mentions by email.
 */
@Service
public class OperatorDirectory {

	/**
	 * How long an operator this node found counts as existing without another look: as
	 * long as a revoked key may still work on another node.
	 */
	private static final long RECENT_NANOS = TimeUnit.SECONDS.toNanos(5);

	/**
	 * How many recently found operators are kept; past that the memory starts over.
	 */
	private static final int MOST_RECENT = 50_000;

	private final Operators operators;

	/**
	 * When this node last found each operator, by {@link System#nanoTime()}.
	 */
	private final ConcurrentHashMap<Known, Long> recent = new ConcurrentHashMap<>();

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
	 * Checks that the workspace has the operator, for work that needs nothing else of
	 * them (an operator's reply): without a database round trip when this node found the
	 * operator within the last five seconds. An operator deleted on another node may so
	 * still be taken for up to five seconds after, no longer than a reply that was
	 * already running at the deletion could; one deleted on this node is forgotten at
	 * once.
	 * @throws OperatorNotFound when there is none
	 */
	public void requireExisting(WorkspaceId workspace, UUID id) {
		Known operator = new Known(workspace, id);
		Long foundAt = this.recent.get(operator);
		long now = System.nanoTime();
		if (foundAt != null && now - foundAt < RECENT_NANOS) {
			return;
		}
		require(workspace, id);
		if (this.recent.size() >= MOST_RECENT) {
			this.recent.clear();
		}
		this.recent.put(operator, now);
	}

	/**
	 * Forgets that this node found the operator: called when it is deleted.
	 */
	void forget(WorkspaceId workspace, UUID id) {
		this.recent.remove(new Known(workspace, id));
	}

	/**
	 * The workspace's operators with these emails (compared without case); emails no
	 * operator has are left out.
	 */
	public List<Operator> withEmails(WorkspaceId workspace, Collection<String> emails) {
		return emails.isEmpty() ? List.of() : this.operators.findByEmails(workspace, emails);
	}

	private record Known(WorkspaceId workspace, UUID id) {

	}

}
