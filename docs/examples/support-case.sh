#!/usr/bin/env bash
# A support case from start to finish, against a running server:
#   WOES_KEY=woesk_... docs/examples/support-case.sh [http://localhost:8080]
# A customer writes, the agent hands off, an operator takes over, tags the case, notes it,
# links it to an issue, replies and solves it. Needs curl and jq.
set -euo pipefail
BASE=${1:-http://localhost:8080}/api/v1
: "${WOES_KEY:?set WOES_KEY to a workspace API key}"

api() { # method path [body]
	curl -sS -f -X "$1" "$BASE$2" -H "Authorization: Bearer $WOES_KEY" \
		${3:+-H 'Content-Type: application/json' -d "$3"}
}

# 1. The customer writes; the agent (automation) answers.
CONVERSATION=$(api POST /conversations \
	'{"subject": "Webhook signatures fail", "customer": {"id": "cus_42", "name": "Ada", "email": "ada@example.com"}}' |
	jq -r .conversation.id)
api POST "/conversations/$CONVERSATION/messages" '{"body": "Every webhook fails signature checks since Monday."}' >/dev/null
api POST "/conversations/$CONVERSATION/messages" \
	'{"role": "assistant", "body": "Are you hashing the raw body, before parsing it?"}' >/dev/null
api POST "/conversations/$CONVERSATION/messages" '{"body": "Yes. Still failing. I need a human."}' >/dev/null

# 2. The agent hands off; the case waits in the queue.
api POST "/conversations/$CONVERSATION/handoffs" \
	'{"reason": "Customer asked for a person", "requestedBy": "agent"}' | jq -c '.handoff | {state, reason}'
api GET "/handoffs?state=requested" | jq -c '[.handoffs[].conversationId]'

# 3. An operator takes over (and is assigned, as nobody was).
OPERATOR=$(api POST /operators '{"name": "Grace", "email": "grace@example.com", "role": "member"}' | jq -r .operator.id)
api POST "/conversations/$CONVERSATION/takeover" "{\"operatorId\": \"$OPERATOR\"}" | jq -c '.handoff | {state}'
api GET "/conversations/$CONVERSATION/assignment" | jq -c '.assignment | {operatorId}'

# 4. Tags and a private note (never shown to the customer).
api POST "/conversations/$CONVERSATION/tags" '{"name": "webhooks"}' | jq -c '[.tags[].name]'
api POST "/conversations/$CONVERSATION/notes" \
	"{\"author\": {\"type\": \"operator\", \"id\": \"$OPERATOR\"}, \"body\": \"Clock skew on their side? Timestamps are 7 min off.\"}" |
	jq -c '.note | {body}'

# 5. Link it to a product issue; the issue gets a copy of the note.
ISSUE=$(api POST /issues "{\"subject\": \"Signature tolerance too strict\", \"sourceConversationId\": \"$CONVERSATION\"}" |
	jq -r .issue.id)
api GET "/issues/$ISSUE/notes" | jq -c '[.issueNotes[].body]'

# 6. Reply as the operator and solve.
api POST "/conversations/$CONVERSATION/replies" \
	"{\"operatorId\": \"$OPERATOR\", \"body\": \"Your server clock is 7 minutes fast; syncing NTP fixes it.\"}" >/dev/null
api PATCH "/conversations/$CONVERSATION" '{"status": "solved"}' | jq -c '.conversation | {status, closedAt}'

# The operator's view: messages with authors, the note and every change, in order.
api GET "/conversations/$CONVERSATION/timeline?limit=50" | jq -r '.items[] | "\(.type)\t\(.change.type // .message.role // "note")"'
