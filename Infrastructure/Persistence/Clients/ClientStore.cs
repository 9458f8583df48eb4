using Rectify.Application.Clients;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common.Paging;
using Rectify.Domain.Clients;

namespace Rectify.Infrastructure.Persistence.Clients;

internal sealed class ClientStore(DbSession db) : IClientStore
{
    public string EntityType => "client";

    public async Task<ApiClient?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<ClientRow>(ClientSql.FindById, new { Id = id }, cancellationToken))?.ToClient();

    public async Task<ApiClient?> FindByKeyHashAsync(string keyHash, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<ClientRow>(ClientSql.FindByKeyHash, new { KeyHash = keyHash }, cancellationToken))
        ?.ToClient();

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(ClientSql.Count, null, cancellationToken) > 0;

    public async Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) =>
        (int)await db.ExecuteScalarAsync<long>(ClientSql.CountActiveAdmins, null, cancellationToken);

    public async Task<Page<ApiClient>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<SeqKey>(cursor) ?? SeqKey.Start;
        var rows = await db.QueryAsync<ClientRow>(db.Pick(ClientSql.List), new { AfterSeq = after.Seq, Limit = limit + 1 },
            cancellationToken);
        return Cursor.ToPage(rows, limit, r => new SeqKey(r.Seq)).Map(r => r.ToClient());
    }

    /// <summary>A new client is inserted with the hash of the key it was issued; afterwards only its active flag changes.</summary>
    public async Task WriteAsync(ApiClient client, CancellationToken cancellationToken)
    {
        if (client.IsNew)
            await db.ExecuteAsync(ClientSql.Insert, new
            {
                client.Id, client.Name, client.Events.Select(e => e.Event).OfType<ClientIssued>().Single().KeyHash,
                Scopes = string.Join(' ', client.Scopes), client.UnitId, client.Active, client.Version, client.CreatedAt,
            }, cancellationToken);
        else if (await db.ExecuteAsync(ClientSql.UpdateActive,
                     new { client.Id, client.Active, client.Version, PreviousVersion = client.Version - 1 }, cancellationToken) == 0)
            throw new StaleVersionException("Client", client.Id);
    }

    private sealed class ClientRow
    {
        public long Seq { get; init; }
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Scopes { get; init; } = "";
        public Guid? UnitId { get; init; }
        public bool Active { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public bool UnitActive { get; init; }

        public ApiClient ToClient() =>
            ApiClient.Restore(Id, Name, Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), UnitId, Active, UnitActive,
                Version, CreatedAt);
    }
}
