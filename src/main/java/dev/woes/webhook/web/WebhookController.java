package dev.woes.webhook.web;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.event.Actor;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.ListLimit;
import dev.woes.shared.NextPageLink;
import dev.woes.shared.Page;
import dev.woes.shared.Uuids;
import dev.woes.webhook.Delivery;
import dev.woes.webhook.DeliveryId;
import dev.woes.webhook.Webhook;
import dev.woes.webhook.WebhookId;
import dev.woes.webhook.WebhookManagement;
import dev.woes.webhook.WebhookTest;
import dev.woes.shared.Timestamps;
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

@Tag(name = "Webhooks")
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private final WebhookManagement webhooks;

	WebhookController(WebhookManagement webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(operationId = "listWebhooks", summary = "List webhooks", description = "Oldest first.")
	@GetMapping
	@RequiresScope(Scope.WEBHOOKS_READ)
	ResponseEntity<WebhookListResponse> list(WorkspaceId workspace,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Id of the last webhook of the previous page") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			HttpServletRequest request) {
		WebhookId after = (startingAfter != null) ? Uuids.parse(startingAfter)
			.map(WebhookId::new)
			.orElseThrow(() -> new InvalidRequest("startingAfter must be a webhook id.")) : null;
		Page<Webhook> page = this.webhooks.list(workspace, after,
				ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return NextPageLink.ok(request, page, Webhook::id)
			.body(new WebhookListResponse("list", page.hasMore(), page.items().stream().map(WebhookJson::of).toList()));
	}

	@Operation(operationId = "createWebhook", summary = "Create webhook",
			description = "The answer carries the signing secret; it is never shown again.")
	@PostMapping
	@RequiresScope(Scope.WEBHOOKS_WRITE)
	ResponseEntity<WebhookResponse> create(WorkspaceId workspace, Actor actor,
			@Valid @RequestBody CreateWebhookRequest body) {
		Webhook webhook = this.webhooks.create(workspace, body.toNewWebhook());
		return ResponseEntity.status(HttpStatus.CREATED).body(new WebhookResponse(WebhookJson.withSecret(webhook)));
	}

	@Operation(operationId = "getWebhook", summary = "Retrieve webhook")
	@GetMapping("/{webhookId}")
	@RequiresScope(Scope.WEBHOOKS_READ)
	WebhookResponse get(WorkspaceId workspace, @PathVariable("webhookId") String webhookId) {
		return new WebhookResponse(WebhookJson.of(this.webhooks.get(workspace, WebhookId.parse(webhookId))));
	}

	@Operation(operationId = "updateWebhook", summary = "Update webhook",
			description = "Any of name, url, events, enabled. Enabling clears disabledReason.")
	@PatchMapping("/{webhookId}")
	@RequiresScope(Scope.WEBHOOKS_WRITE)
	WebhookResponse update(WorkspaceId workspace, Actor actor, @PathVariable("webhookId") String webhookId,
			@Valid @RequestBody UpdateWebhookRequest body) {
		return new WebhookResponse(
				WebhookJson.of(this.webhooks.change(workspace, WebhookId.parse(webhookId), body.toChanges())));
	}

	@Operation(operationId = "deleteWebhook", summary = "Delete webhook",
			description = "Deletes the endpoint and its delivery history; nothing more is sent to it.")
	@DeleteMapping("/{webhookId}")
	@RequiresScope(Scope.WEBHOOKS_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor, @PathVariable("webhookId") String webhookId) {
		this.webhooks.delete(workspace, WebhookId.parse(webhookId));
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "rotateWebhookSecret", summary = "Rotate webhook signing secret",
			description = "The answer carries the new secret, shown only this once. During the grace period "
					+ "(24 h by default) deliveries carry two v1 signatures, by the new and the previous secret.")
	@PostMapping("/{webhookId}/rotate-secret")
	@RequiresScope(Scope.WEBHOOKS_WRITE)
	WebhookResponse rotateSecret(WorkspaceId workspace, Actor actor, @PathVariable("webhookId") String webhookId) {
		return new WebhookResponse(
				WebhookJson.withSecret(this.webhooks.rotateSecret(workspace, WebhookId.parse(webhookId))));
	}

	@Operation(operationId = "testWebhook", summary = "Send a test event",
			description = "Records a webhook.test event for this endpoint; it is delivered like any event, "
					+ "and its delivery appears in the endpoint's deliveries.")
	@PostMapping("/{webhookId}/test")
	@RequiresScope(Scope.WEBHOOKS_WRITE)
	ResponseEntity<WebhookTestResponse> test(WorkspaceId workspace, Actor actor,
			@PathVariable("webhookId") String webhookId) {
		WebhookTest test = this.webhooks.sendTest(workspace, actor, WebhookId.parse(webhookId));
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new WebhookTestResponse(new WebhookTestResponse.WebhookTestJson("webhook_test",
					test.webhookId().toString(), test.eventId().toString(), Timestamps.format(test.createdAt()))));
	}

	@Operation(operationId = "listWebhookDeliveries", summary = "List webhook deliveries",
			description = "Newest first, with each delivery's attempts and the latest attempt's outcome.")
	@GetMapping("/{webhookId}/deliveries")
	@RequiresScope(Scope.WEBHOOKS_READ)
	ResponseEntity<DeliveryListResponse> deliveries(WorkspaceId workspace, @PathVariable("webhookId") String webhookId,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Id of the last delivery of the previous page") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			HttpServletRequest request) {
		WebhookId id = WebhookId.parse(webhookId);
		DeliveryId after = (startingAfter != null) ? Uuids.parse(startingAfter)
			.map(DeliveryId::new)
			.orElseThrow(() -> new InvalidRequest("startingAfter must be a delivery id.")) : null;
		Page<Delivery> page = this.webhooks.deliveries(workspace, id, after,
				ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return NextPageLink.ok(request, page, Delivery::id)
			.body(new DeliveryListResponse("list", page.hasMore(),
					page.items().stream().map(DeliveryJson::of).toList()));
	}

	@Operation(operationId = "redeliverWebhookDelivery", summary = "Redeliver",
			description = "Queues the delivery's event again for this endpoint, as a new delivery with the same "
					+ "body and event id, due at once.")
	@PostMapping("/{webhookId}/deliveries/{deliveryId}/redeliver")
	@RequiresScope(Scope.WEBHOOKS_WRITE)
	ResponseEntity<DeliveryResponse> redeliver(WorkspaceId workspace, Actor actor,
			@PathVariable("webhookId") String webhookId, @PathVariable("deliveryId") String deliveryId) {
		Delivery delivery = this.webhooks.redeliver(workspace, WebhookId.parse(webhookId),
				DeliveryId.parse(deliveryId));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new DeliveryResponse(DeliveryJson.of(delivery)));
	}

}
