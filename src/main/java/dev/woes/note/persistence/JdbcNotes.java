package dev.woes.note.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.woes.conversation.ConversationId;
import dev.woes.note.Note;
import dev.woes.note.NoteAuthor;
import dev.woes.note.NoteId;
import dev.woes.note.Notes;
import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNotes implements Notes {

	private static final String COLUMNS = """
			note_id, conversation_id, author_type, author_id, author_name, body, mentions, created_at, updated_at""";

	private final JdbcClient jdbc;

	JdbcNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(WorkspaceId workspace, Note note) {
		this.jdbc.sql("""
				INSERT INTO notes (workspace_id, note_id, conversation_id, author_type, author_id, author_name, body,
				                   mentions, created_at, updated_at)
				VALUES (:workspace, :id, :conversation, :authorType, :authorId, :authorName, :body,
				        CAST(:mentions AS uuid[]), :createdAt, :updatedAt)
				""")
			.param("workspace", workspace.value())
			.param("id", note.id().value())
			.param("conversation", note.conversationId().value())
			.param("authorType", note.author().type())
			.param("authorId", note.author().operatorId())
			.param("authorName", note.author().name())
			.param("body", note.body())
			.param("mentions", arrayLiteral(note.mentions()))
			.param("createdAt", Timestamps.toSql(note.createdAt()))
			.param("updatedAt", Timestamps.toSql(note.updatedAt()))
			.update();
	}

	@Override
	public Optional<Note> find(WorkspaceId workspace, ConversationId conversation, NoteId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM notes
				WHERE workspace_id = :workspace AND conversation_id = :conversation AND note_id = :id
				""")
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("id", id.value())
			.query(JdbcNotes::note)
			.optional();
	}

	@Override
	public boolean update(WorkspaceId workspace, Note note) {
		return this.jdbc.sql("""
				UPDATE notes SET body = :body, mentions = CAST(:mentions AS uuid[]), updated_at = :updatedAt
				WHERE workspace_id = :workspace AND conversation_id = :conversation AND note_id = :id
				""")
			.param("body", note.body())
			.param("mentions", arrayLiteral(note.mentions()))
			.param("updatedAt", Timestamps.toSql(note.updatedAt()))
			.param("workspace", workspace.value())
			.param("conversation", note.conversationId().value())
			.param("id", note.id().value())
			.update() == 1;
	}

	@Override
	public Optional<Note> remove(WorkspaceId workspace, ConversationId conversation, NoteId id) {
		return this.jdbc.sql("""
				DELETE FROM notes
				WHERE workspace_id = :workspace AND conversation_id = :conversation AND note_id = :id
				RETURNING\s""" + COLUMNS)
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("id", id.value())
			.query(JdbcNotes::note)
			.optional();
	}

	@Override
	public List<Note> after(WorkspaceId workspace, ConversationId conversation, Instant at, UUID id, int rows) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM notes
				WHERE workspace_id = :workspace AND conversation_id = :conversation
				  AND (created_at, note_id) > (:at, :id)
				ORDER BY created_at, note_id
				""" + ListLimit.sql(rows))
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("at", Timestamps.toSql(at))
			.param("id", id)
			.query(JdbcNotes::note)
			.list();
	}

	private static String arrayLiteral(List<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
	}

	private static Note note(ResultSet row, int number) throws SQLException {
		String type = row.getString("author_type");
		NoteAuthor author = NoteAuthor.OPERATOR.equals(type)
				? NoteAuthor.operator(row.getObject("author_id", UUID.class))
				: NoteAuthor.automation(row.getString("author_name"));
		Array mentions = row.getArray("mentions");
		List<UUID> ids = Arrays.asList((UUID[]) mentions.getArray());
		return new Note(new NoteId(row.getObject("note_id", UUID.class)),
				new ConversationId(row.getObject("conversation_id", UUID.class)), author, row.getString("body"), ids,
				Timestamps.fromSql(row, "created_at"), Timestamps.fromSql(row, "updated_at"));
	}

}
