package dev.woes.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

/**
 * Creates, renames, deletes and lists teams and manages their members; each change
 * records one event. Changes to one team are serialized by locking its row.
 */
@Service
public class TeamManagement {

	private final Teams teams;

	private final Operators operators;

	private final EventLog events;

	private final Clock clock;

	TeamManagement(Teams teams, Operators operators, EventLog events, Clock clock) {
		this.teams = teams;
		this.operators = operators;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The team with that id in the workspace.
	 * @throws TeamNotFound when there is none
	 */
	public Team require(WorkspaceId workspace, UUID id) {
		return this.teams.find(workspace, id).orElseThrow(TeamNotFound::new);
	}

	@Transactional
	public Team create(WorkspaceId workspace, Actor actor, String name, List<UUID> operatorIds) {
		List<UUID> members = new ArrayList<>(new LinkedHashSet<>(operatorIds));
		// Locked in id order, so two requests naming the same operators cannot deadlock.
		for (UUID operatorId : members.stream().sorted().toList()) {
			this.operators.findForUpdate(workspace, operatorId).orElseThrow(OperatorNotFound::new);
		}
		Instant now = Timestamps.now(this.clock);
		Team team = new Team(Uuids.v7(), name, members, now, now);
		this.teams.add(workspace, team);
		this.events.record(workspace, EventType.TEAM_CREATED, actor, team.id(), payload(team));
		return team;
	}

	@Transactional
	public Team rename(WorkspaceId workspace, Actor actor, UUID id, String name) {
		Team team = this.teams.findForUpdate(workspace, id).orElseThrow(TeamNotFound::new);
		if (team.name().equals(name)) {
			return team;
		}
		Team renamed = new Team(id, name, team.operatorIds(), team.createdAt(), Timestamps.now(this.clock));
		this.teams.rename(workspace, renamed);
		Map<String, Object> data = payload(renamed);
		data.put("previousName", team.name());
		this.events.record(workspace, EventType.TEAM_UPDATED, actor, id, data);
		return renamed;
	}

	/**
	 * Makes the operator a member; a member already there is left as is and nothing is
	 * recorded.
	 */
	@Transactional
	public Team addMember(WorkspaceId workspace, Actor actor, UUID id, UUID operatorId) {
		this.teams.findForUpdate(workspace, id).orElseThrow(TeamNotFound::new);
		this.operators.findForUpdate(workspace, operatorId).orElseThrow(OperatorNotFound::new);
		if (this.teams.addMember(workspace, id, operatorId, Timestamps.now(this.clock))) {
			Team team = require(workspace, id);
			Map<String, Object> data = payload(team);
			data.put("addedOperatorId", operatorId.toString());
			this.events.record(workspace, EventType.TEAM_UPDATED, actor, id, data);
			return team;
		}
		return require(workspace, id);
	}

	@Transactional
	public Team removeMember(WorkspaceId workspace, Actor actor, UUID id, UUID operatorId) {
		this.teams.findForUpdate(workspace, id).orElseThrow(TeamNotFound::new);
		if (!this.teams.removeMember(workspace, id, operatorId, Timestamps.now(this.clock))) {
			throw new NotATeamMember();
		}
		Team team = require(workspace, id);
		Map<String, Object> data = payload(team);
		data.put("removedOperatorId", operatorId.toString());
		this.events.record(workspace, EventType.TEAM_UPDATED, actor, id, data);
		return team;
	}

	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		Team team = this.teams.findForUpdate(workspace, id).orElseThrow(TeamNotFound::new);
		this.teams.remove(workspace, id);
		this.events.record(workspace, EventType.TEAM_DELETED, actor, id, payload(team));
	}

	@Transactional(readOnly = true)
	public Page<Team> list(WorkspaceId workspace, UUID startingAfter, int limit) {
		if (startingAfter != null && this.teams.find(workspace, startingAfter).isEmpty()) {
			throw new InvalidRequest("startingAfter must be the id of a team in this workspace.");
		}
		return Page.fromOverfetch(this.teams.list(workspace, startingAfter, limit + 1), limit);
	}

	static Map<String, Object> payload(Team team) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", team.id().toString());
		data.put("name", team.name());
		data.put("operatorIds", team.operatorIds().stream().map(UUID::toString).toList());
		data.put("createdAt", Timestamps.format(team.createdAt()));
		data.put("updatedAt", Timestamps.format(team.updatedAt()));
		return data;
	}

}
