namespace Rectify.Infrastructure.Persistence.Webhooks;

/// <summary>The stored and shown states of a delivery.</summary>
internal static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
