package dev.woes.assignment.persistence;

import java.util.Optional;
import java.util.UUID;

import dev.woes.assignment.Assignment;
import dev.woes.assignment.Assignments;
import dev.woes.assignment.NotAMemberOfTheTeam;
import dev.woes.conversation.ConversationId;
import dev.woes.operator.OperatorNotFound;
import dev.woes.operator.TeamNotFound;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAssignments implements Assignments {

	private final JdbcClient jdbc;

	JdbcAssignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Assignment> find(WorkspaceId workspace, ConversationId conversation) {
		return this.jdbc.sql("""
				SELECT operator_id, team_id, assigned_at FROM conversation_assignments
				WHERE workspace_id = :workspace AND conversation_id = :conversation
				""")
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.query((row, number) -> new Assignment(conversation, row.getObject("operator_id", UUID.class),
					row.getObject("team_id", UUID.class), Timestamps.fromSql(row, "assigned_at")))
			.optional();
	}

	@Override
	public void save(WorkspaceId workspace, Assignment assignment) {
		try {
			this.jdbc
				.sql("""
						INSERT INTO conversation_assignments (workspace_id, conversation_id, operator_id, team_id, assigned_at)
						VALUES (:workspace, :conversation, :operator, :team, :at)
						ON CONFLICT (workspace_id, conversation_id)
						DO UPDATE SET operator_id = EXCLUDED.operator_id, team_id = EXCLUDED.team_id,
						              assigned_at = EXCLUDED.assigned_at
						""")
				.param("workspace", workspace.value())
				.param("conversation", assignment.conversationId().value())
				.param("operator", assignment.operatorId())
				.param("team", assignment.teamId())
				.param("at", Timestamps.toSql(assignment.assignedAt()))
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("conversation_assignments_member")) {
				throw new NotAMemberOfTheTeam();
			}
			if (message.contains("conversation_assignments_team")) {
				throw new TeamNotFound();
			}
			throw new OperatorNotFound();
		}
	}

	@Override
	public boolean remove(WorkspaceId workspace, ConversationId conversation) {
		return this.jdbc.sql("""
				DELETE FROM conversation_assignments WHERE workspace_id = :workspace AND conversation_id = :conversation
				""").param("workspace", workspace.value()).param("conversation", conversation.value()).update() > 0;
	}

}
