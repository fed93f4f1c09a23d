package dev.woes.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Page;
import dev.woes.shared.Timestamps;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Adds, changes, deletes and lists operators; each change records one event.
 */
@Service
public class OperatorManagement {

	private final Operators operators;

	private final EventLog events;

	private final Clock clock;

	private final OperatorDirectory directory;

	OperatorManagement(Operators operators, EventLog events, Clock clock, OperatorDirectory directory) {
		this.operators = operators;
		this.events = events;
		this.clock = clock;
		this.directory = directory;
	}

	@Transactional
	public Operator create(WorkspaceId workspace, Actor actor, String name, String email, String role, String status) {
		Instant now = Timestamps.now(this.clock);
		Operator operator = new Operator(Uuids.v7(), name, email, role, status, now, now);
		this.operators.add(workspace, operator);
		this.events.record(workspace, EventType.OPERATOR_CREATED, actor, operator.id(), payload(operator));
		return operator;
	}

	@Transactional
	public Operator change(WorkspaceId workspace, Actor actor, UUID id, OperatorChanges changes) {
		Operator operator = this.operators.findForUpdate(workspace, id).orElseThrow(OperatorNotFound::new);
		Operator changed = operator.with(changes, Timestamps.now(this.clock));
		if (changed != operator) {
			this.operators.update(workspace, changed);
			Map<String, Object> data = payload(changed);
			data.put("previous", payload(operator));
			this.events.record(workspace, EventType.OPERATOR_UPDATED, actor, id, data);
		}
		return changed;
	}

	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		Operator operator = this.operators.findForUpdate(workspace, id).orElseThrow(OperatorNotFound::new);
		this.operators.remove(workspace, id);
		this.events.record(workspace, EventType.OPERATOR_DELETED, actor, id, payload(operator));
		// Now, and again once the deletion is visible: a reply meanwhile may have found
		// the operator still there.
		this.directory.forget(workspace, id);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				OperatorManagement.this.directory.forget(workspace, id);
			}
		});
	}

	@Transactional(readOnly = true)
	public Page<Operator> list(WorkspaceId workspace, OperatorQuery query) {
		if (query.startingAfter() != null && this.operators.find(workspace, query.startingAfter()).isEmpty()) {
			throw new InvalidRequest("startingAfter must be the id of an operator in this workspace.");
		}
		return Page.fromOverfetch(this.operators.list(workspace, query, query.limit() + 1), query.limit());
	}

	static Map<String, Object> payload(Operator operator) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", operator.id().toString());
		data.put("name", operator.name());
		data.put("email", operator.email());
		data.put("role", operator.role());
		data.put("status", operator.status());
		data.put("createdAt", Timestamps.format(operator.createdAt()));
		data.put("updatedAt", Timestamps.format(operator.updatedAt()));
		return data;
	}

}
