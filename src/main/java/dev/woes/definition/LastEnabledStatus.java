package dev.woes.definition;

import dev.woes.conversation.ConversationStatus;
import dev.woes.shared.RecordConflict;

/**
 * Every lifecycle keeps at least one enabled status, so that a conversation always has a
 * label to show.
 */
public class LastEnabledStatus extends RecordConflict {

	public LastEnabledStatus(ConversationStatus lifecycle) {
		super("This is the last enabled status of lifecycle " + lifecycle.wireName()
				+ "; enable or create another one first.");
	}

}
