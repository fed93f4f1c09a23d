package dev.woes.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.woes.conversation.ConversationChanges;
import dev.woes.conversation.ConversationManagement;
import dev.woes.conversation.ConversationStatus;
import dev.woes.database.SystemAccess;
import dev.woes.event.Actor;
import dev.woes.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wakes snoozed conversations when their time comes: back to open, recorded as
 * {@code conversation.status.updated} by {@link Actor#SYSTEM}. This is the one piece of
 * background work that spans workspaces. Every server node runs it; each due snooze is
 * claimed in PostgreSQL with {@code FOR UPDATE SKIP LOCKED} and deleted in the same
 * transaction as its wake-up, so exactly one node wakes it, once, and a restart loses
 * nothing.
 */
@Component
public class SnoozeWakeUps {

	private static final Logger log = LoggerFactory.getLogger(SnoozeWakeUps.class);

	static final int BATCH = 100;

	private final Snoozes snoozes;

	private final ConversationManagement conversations;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SnoozeWakeUps(Snoozes snoozes, ConversationManagement conversations, TransactionTemplate transactions,
			Clock clock) {
		this.snoozes = snoozes;
		this.conversations = conversations;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${woes.snooze.check-interval:1s}",
			fixedDelayString = "${woes.snooze.check-interval:1s}")
	void wakeDueSnoozes() {
		try {
			Instant now = Timestamps.now(this.clock);
			while (wakeDue(now, BATCH) == BATCH) {
				// A full batch: more may be due.
			}
		}
		catch (RuntimeException ex) {
			log.warn("Waking snoozed conversations failed; the next round retries", ex);
		}
	}

	/**
	 * Wakes, in one transaction, up to {@code batch} snoozes due at {@code now} that no
	 * other transaction holds.
	 * @return how many snoozes this call claimed
	 */
	public int wakeDue(Instant now, int batch) {
		// Due snoozes of every workspace: server-wide background work.
		Integer claimed = SystemAccess.call(() -> this.transactions.execute((status) -> {
			List<Snoozes.DueSnooze> due = this.snoozes.claimDue(now, batch);
			for (Snoozes.DueSnooze snooze : due) {
				if (this.conversations.lock(snooze.workspace(), snooze.conversation())
					.status() == ConversationStatus.WAITING) {
					this.conversations.change(snooze.workspace(), Actor.SYSTEM, snooze.conversation(),
							new ConversationChanges(ConversationStatus.OPEN, null, null));
				}
				this.snoozes.remove(snooze.workspace(), snooze.conversation());
			}
			return due.size();
		}));
		return (claimed != null) ? claimed : 0;
	}

}
