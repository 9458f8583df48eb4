namespace Rectify.Infrastructure.Persistence.Webhooks;

internal static class WebhookSql
{
    private const string Columns =
        "Seq, Id, Url, Events, UnitId, Active, Description, Secret, DisabledReason, Version, CreatedAt, UpdatedAt";

    public const string FindById = $"SELECT {Columns} FROM WebhookSubscriptions WHERE Id = @Id";

    public static readonly DialectSql List = DialectSql.Limited($"""
        SELECT {Columns} FROM WebhookSubscriptions
        WHERE Seq > @AfterSeq
        ORDER BY Seq
        """);

    public const string Insert = """
        INSERT INTO WebhookSubscriptions (Id, Url, Events, UnitId, Active, Description, Secret, DisabledReason, Version, CreatedAt, UpdatedAt)
        VALUES (@Id, @Url, @Events, @UnitId, @Active, @Description, @Secret, @DisabledReason, @Version, @CreatedAt, @UpdatedAt)
        """;

    public const string Update = """
        UPDATE WebhookSubscriptions
        SET Url = @Url, Events = @Events, UnitId = @UnitId, Active = @Active, Description = @Description,
            DisabledReason = @DisabledReason, Version = @Version, UpdatedAt = @UpdatedAt
        WHERE Id = @Id AND Version = @PreviousVersion
        """;

    public const string DeleteAttempts = """
        DELETE FROM WebhookAttempts
        WHERE DeliverySeq IN (SELECT Seq FROM WebhookDeliveries WHERE SubscriptionId = @Id)
        """;

    public const string DeleteDeliveries = "DELETE FROM WebhookDeliveries WHERE SubscriptionId = @Id";

    public const string Delete = "DELETE FROM WebhookSubscriptions WHERE Id = @Id AND Version = @Version";

}
