using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;
using Rectify.Domain.Clients;

namespace Rectify.Application.Clients;

/// <summary>Issues an API key. <paramref name="Key"/> seeds a known key at bootstrap; it is never read from a request.</summary>
public sealed record CreateClientCommand(string Name, IReadOnlyList<string> Scopes, Guid? UnitId,
    [property: JsonIgnore] string? Key = null)
    : ICommand<CreatedClientResponse>;

public sealed class CreateClientValidator : AbstractValidator<CreateClientCommand>
{
    public CreateClientValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Scopes).NotEmpty()
            // A set of the five scopes: repeats are dropped, but a longer list is not a set.
            .Must(scopes => scopes is null || scopes.Count <= Clients.Scopes.All.Count)
            .WithMessage($"scopes lists at most {Clients.Scopes.All.Count} entries: each of {string.Join(", ", Clients.Scopes.All)} once.");
        RuleForEach(x => x.Scopes).Must(s => Clients.Scopes.All.Contains(s))
            .WithMessage($"Scopes are {string.Join(", ", Clients.Scopes.All)}.");
        RuleFor(x => x.UnitId).Null().When(x => x.Scopes?.Contains(Clients.Scopes.Admin) == true)
            .WithMessage("An admin key manages every unit, so it cannot be bound to one.");
        RuleFor(x => x.Key).MinimumLength(24).When(x => x.Key is not null)
            .WithMessage("A seeded key needs at least 24 characters.");
    }
}

public sealed class CreateClientHandler(IUnitStore units, AggregateRepository<ApiClient> repository, TimeProvider clock)
    : ICommandHandler<CreateClientCommand, CreatedClientResponse>
{
    public async ValueTask<CreatedClientResponse> Handle(CreateClientCommand command, CancellationToken cancellationToken)
    {
        if (command.UnitId is { } unitId && await units.FindAsync(unitId, cancellationToken) is null)
            throw InvalidField.Because("unitId", $"Unit '{unitId}' does not exist.");

        var key = command.Key ?? ApiKey.Generate();
        var client = ApiClient.Issue(Guid.CreateVersion7(), command.Name.Trim(), command.Scopes.Distinct().ToList(),
            command.UnitId, ApiKey.Hash(key), clock.GetUtcNow());
        await repository.SaveAsync(client, cancellationToken);
        return new CreatedClientResponse(client.Id, client.Name, client.Scopes, client.UnitId, key);
    }
}
