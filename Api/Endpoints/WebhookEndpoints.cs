using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Rectify.Api.Http;
using Rectify.Application.Clients;
using Rectify.Application.Common.Paging;
using Rectify.Application.Webhooks;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks 推送").RequireAuthorization(Scopes.Admin)
            .WithETags().WithIdempotencyKeys();

        group.MapPost("", CreateWebhook)
            .WithSummary("Subscribe to events 订阅事件推送")
            .WithDescription("Registers a URL to receive the chosen event types (item.created, item.progress_reported…), optionally only for items where a unit or a unit below it holds a role (unitId). Each delivery is a signed POST (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). The answer carries the signing secret (whsec_…) once. URLs resolving to private, loopback or link-local addresses are refused (400) unless the service is configured to allow them.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("", ListWebhooks)
            .WithSummary("List subscriptions 推送订阅列表")
            .WithDescription("Subscriptions in creation order; secrets are never shown again.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("/{id:guid}", GetWebhook)
            .WithSummary("Get a subscription 查看推送订阅")
            .WithDescription("One subscription with its ETag; active is false, with disabledReason, after its receiver answered 410 Gone.")
            .ProducesProblems(Status404NotFound);
        group.MapPatch("/{id:guid}", UpdateWebhook)
            .WithSummary("Change a subscription 修改推送订阅")
            .WithDescription("Changes only the fields present in the body (url, events, unitId, active, description); null clears description or unitId. Setting active to true switches a disabled subscription on again. Needs If-Match with the ETag read (428 without, 412 when stale).")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapDelete("/{id:guid}", DeleteWebhook)
            .WithSummary("Delete a subscription 删除推送订阅")
            .WithDescription("Removes the subscription and its deliveries; nothing more is sent to it. The audit trail keeps what it was. Needs If-Match.")
            .ProducesProblems(Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapPost("/{id:guid}/test", TestWebhook)
            .WithSummary("Send a test event 发送测试推送")
            .WithDescription("Queues a ping event ({\"type\": \"ping\", \"data\": {\"subscriptionId\"}}) for this subscription only and answers 202 with the delivery; it is sent, signed and retried like any event. 409 when the subscription is inactive.")
            .ProducesProblems(Status404NotFound, Status409Conflict);
        group.MapGet("/{id:guid}/deliveries", ListWebhookDeliveries)
            .WithSummary("List deliveries 推送记录")
            .WithDescription("The subscription's deliveries, newest first, each with its status (pending, delivered, failed), next attempt and every attempt made: time, HTTP status, duration and error.")
            .ProducesProblems(Status400BadRequest, Status404NotFound);
        group.MapPost("/{id:guid}/deliveries/{eventId:guid}/redeliver", RedeliverWebhook)
            .WithSummary("Redeliver an event 重新推送")
            .WithDescription("Sends the delivery of this event (its webhook-id) again, whatever became of it: it is pending and due at once, with the same body and webhook-id and a fresh 24-hour retry window. Answers 202. 409 when the subscription is inactive.")
            .ProducesProblems(Status404NotFound, Status409Conflict);
        return app;
    }

    private static async Task<Created<CreatedWebhookResponse>> CreateWebhook(CreateWebhookCommand command, ISender sender,
        CancellationToken cancellationToken)
    {
        var webhook = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/webhooks/{webhook.Id}", webhook);
    }

    private static async Task<Ok<Page<WebhookResponse>>> ListWebhooks(ISender sender, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListWebhooksQuery(ListQuery.LimitOrDefault(limit), cursor), cancellationToken));

    private static async Task<Ok<WebhookResponse>> GetWebhook(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetWebhookQuery(id), cancellationToken));

    private static async Task<Ok<WebhookResponse>> UpdateWebhook(Guid id, WebhookPatch patch, HttpRequest request, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateWebhookCommand(id, Versioning.IfMatch(request), patch), cancellationToken));

    private static async Task<NoContent> DeleteWebhook(Guid id, HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteWebhookCommand(id, Versioning.IfMatch(request)), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<WebhookDeliveryResponse>> TestWebhook(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", await sender.Send(new TestWebhookCommand(id), cancellationToken));

    private static async Task<Ok<Page<WebhookDeliveryResponse>>> ListWebhookDeliveries(Guid id, ISender sender,
        CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListWebhookDeliveriesQuery(id, ListQuery.LimitOrDefault(limit), cursor), cancellationToken));

    private static async Task<Accepted<WebhookDeliveryResponse>> RedeliverWebhook(Guid id, Guid eventId, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries",
            await sender.Send(new RedeliverWebhookCommand(id, eventId), cancellationToken));
}
