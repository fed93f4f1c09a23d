package dev.woes.operator.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.event.Actor;
import dev.woes.operator.Operator;
import dev.woes.operator.OperatorDirectory;
import dev.woes.operator.OperatorManagement;
import dev.woes.operator.OperatorNotFound;
import dev.woes.operator.OperatorQuery;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Operators")
@RestController
@RequestMapping("/api/v1/operators")
class OperatorController {

	static final String ROLES = "owner|admin|member|viewer";

	static final String STATUSES = "active|away";

	private static final int DEFAULT_LIMIT = 20;

	private static final int MAX_LIMIT = 100;

	private final OperatorManagement management;

	private final OperatorDirectory directory;

	OperatorController(OperatorManagement management, OperatorDirectory directory) {
		this.management = management;
		this.directory = directory;
	}

	@Operation(operationId = "listOperators", summary = "List operators",
			description = "Oldest first. When hasMore is true, pass the last id as startingAfter; the Link header "
					+ "carries that URL.")
	@GetMapping
	@RequiresScope(Scope.OPERATORS_READ)
	ResponseEntity<OperatorListResponse> list(WorkspaceId workspace,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "active or away") @RequestParam(name = "status", required = false) String status,
			@Parameter(description = "owner, admin, member or viewer") @RequestParam(name = "role",
					required = false) String role,
			@Parameter(description = "Id of the last operator of the previous page") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			HttpServletRequest request) {
		if (status != null && !status.matches(STATUSES)) {
			throw new InvalidRequest("status must be one of active, away.");
		}
		if (role != null && !role.matches(ROLES)) {
			throw new InvalidRequest("role must be one of owner, admin, member, viewer.");
		}
		UUID cursor = (startingAfter != null) ? Uuids.parse(startingAfter)
			.orElseThrow(() -> new InvalidRequest("startingAfter must be an operator id.")) : null;
		Page<Operator> page = this.management.list(workspace,
				new OperatorQuery(status, role, cursor, ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT)));
		return NextPageLink.ok(request, page, Operator::id)
			.body(new OperatorListResponse("list", page.hasMore(),
					page.items().stream().map(OperatorJson::of).toList()));
	}

	@Operation(operationId = "createOperator", summary = "Create operator",
			description = "email must be unique in the workspace, compared without case (409 otherwise).")
	@PostMapping
	@RequiresScope(Scope.OPERATORS_WRITE)
	ResponseEntity<OperatorResponse> create(WorkspaceId workspace, Actor actor,
			@Valid @RequestBody CreateOperatorRequest body) {
		Operator operator = this.management.create(workspace, actor, body.name(), body.email(), body.roleOrDefault(),
				body.statusOrDefault());
		return ResponseEntity.status(HttpStatus.CREATED).body(new OperatorResponse(OperatorJson.of(operator)));
	}

	@Operation(operationId = "getOperator", summary = "Retrieve operator")
	@GetMapping("/{operatorId}")
	@RequiresScope(Scope.OPERATORS_READ)
	OperatorResponse get(WorkspaceId workspace, @PathVariable("operatorId") String operatorId) {
		return new OperatorResponse(OperatorJson.of(this.directory.require(workspace, id(operatorId))));
	}

	@Operation(operationId = "updateOperator", summary = "Update operator",
			description = "Any of name, email, role, status.")
	@PatchMapping("/{operatorId}")
	@RequiresScope(Scope.OPERATORS_WRITE)
	OperatorResponse update(WorkspaceId workspace, Actor actor, @PathVariable("operatorId") String operatorId,
			@Valid @RequestBody UpdateOperatorRequest body) {
		return new OperatorResponse(
				OperatorJson.of(this.management.change(workspace, actor, id(operatorId), body.toChanges())));
	}

	@Operation(operationId = "deleteOperator", summary = "Delete operator",
			description = "Refused with 409 while conversations are assigned to the operator. Team memberships and "
					+ "follows go with the operator; messages they wrote keep naming them.")
	@DeleteMapping("/{operatorId}")
	@RequiresScope(Scope.OPERATORS_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor, @PathVariable("operatorId") String operatorId) {
		this.management.delete(workspace, actor, id(operatorId));
		return ResponseEntity.noContent().build();
	}

	/**
	 * A path id that is not a UUID names no operator.
	 */
	static UUID id(String text) {
		return Uuids.parse(text).orElseThrow(OperatorNotFound::new);
	}

}
