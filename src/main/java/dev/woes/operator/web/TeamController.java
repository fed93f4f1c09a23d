package dev.woes.operator.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.event.Actor;
import dev.woes.operator.Team;
import dev.woes.operator.TeamManagement;
import dev.woes.operator.TeamNotFound;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.ListLimit;
import dev.woes.shared.NextPageLink;
import dev.woes.shared.Page;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Operators")
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

	private static final int DEFAULT_LIMIT = 20;

	private static final int MAX_LIMIT = 100;

	private final TeamManagement teams;

	TeamController(TeamManagement teams) {
		this.teams = teams;
	}

	@Operation(operationId = "listTeams", summary = "List teams", description = "Oldest first, keyset paging.")
	@GetMapping
	@RequiresScope(Scope.OPERATORS_READ)
	ResponseEntity<TeamListResponse> list(WorkspaceId workspace,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Id of the last team of the previous page") @RequestParam(name = "startingAfter",
					required = false) String startingAfter,
			HttpServletRequest request) {
		UUID cursor = (startingAfter != null)
				? Uuids.parse(startingAfter).orElseThrow(() -> new InvalidRequest("startingAfter must be a team id."))
				: null;
		Page<Team> page = this.teams.list(workspace, cursor, ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return NextPageLink.ok(request, page, Team::id)
			.body(new TeamListResponse("list", page.hasMore(), page.items().stream().map(TeamJson::of).toList()));
	}

	@Operation(operationId = "createTeam", summary = "Create team",
			description = "name must be unique in the workspace, compared without case (409 otherwise); every id "
					+ "in operatorIds must name an operator of the workspace (404 otherwise).")
	@PostMapping
	@RequiresScope(Scope.OPERATORS_WRITE)
	ResponseEntity<TeamResponse> create(WorkspaceId workspace, Actor actor,
			@Valid @RequestBody CreateTeamRequest body) {
		Team team = this.teams.create(workspace, actor, body.name(), body.members());
		return ResponseEntity.status(HttpStatus.CREATED).body(new TeamResponse(TeamJson.of(team)));
	}

	@Operation(operationId = "getTeam", summary = "Retrieve team")
	@GetMapping("/{teamId}")
	@RequiresScope(Scope.OPERATORS_READ)
	TeamResponse get(WorkspaceId workspace, @PathVariable("teamId") String teamId) {
		return new TeamResponse(TeamJson.of(this.teams.require(workspace, id(teamId))));
	}

	@Operation(operationId = "updateTeam", summary = "Rename team")
	@PatchMapping("/{teamId}")
	@RequiresScope(Scope.OPERATORS_WRITE)
	TeamResponse update(WorkspaceId workspace, Actor actor, @PathVariable("teamId") String teamId,
			@Valid @RequestBody UpdateTeamRequest body) {
		return new TeamResponse(TeamJson.of(this.teams.rename(workspace, actor, id(teamId), body.name())));
	}

	@Operation(operationId = "deleteTeam", summary = "Delete team",
			description = "Refused with 409 while conversations are assigned to the team; memberships go with it.")
	@DeleteMapping("/{teamId}")
	@RequiresScope(Scope.OPERATORS_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor, @PathVariable("teamId") String teamId) {
		this.teams.delete(workspace, actor, id(teamId));
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "addTeamMember", summary = "Add team member",
			description = "Idempotent: adding a member twice leaves one membership.")
	@PutMapping("/{teamId}/members/{operatorId}")
	@RequiresScope(Scope.OPERATORS_WRITE)
	TeamResponse addMember(WorkspaceId workspace, Actor actor, @PathVariable("teamId") String teamId,
			@PathVariable("operatorId") String operatorId) {
		UUID team = id(teamId);
		return new TeamResponse(
				TeamJson.of(this.teams.addMember(workspace, actor, team, OperatorController.id(operatorId))));
	}

	@Operation(operationId = "removeTeamMember", summary = "Remove team member",
			description = "404 when the operator is not a member; 409 while the operator holds conversations "
					+ "assigned to them within this team.")
	@DeleteMapping("/{teamId}/members/{operatorId}")
	@RequiresScope(Scope.OPERATORS_WRITE)
	TeamResponse removeMember(WorkspaceId workspace, Actor actor, @PathVariable("teamId") String teamId,
			@PathVariable("operatorId") String operatorId) {
		UUID team = id(teamId);
		return new TeamResponse(
				TeamJson.of(this.teams.removeMember(workspace, actor, team, OperatorController.id(operatorId))));
	}

	static UUID id(String text) {
		return Uuids.parse(text).orElseThrow(TeamNotFound::new);
	}

}
