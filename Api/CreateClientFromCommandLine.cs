using FluentValidation;
using Mediator;
using Rectify.Application.Clients;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;

namespace Rectify.Api;

/// <summary>
/// <c>clients create</c>: issues a key through the same command as <c>POST /api/v1/clients</c>, so it is validated and
/// audited alike (the actor is the system), and prints the key alone on standard output, once.
/// </summary>
public static class CreateClientFromCommandLine
{
    public static async Task<int> RunAsync(WebApplication app, CommandLine command)
    {
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        Guid? unitId = null;
        if (command.ClientUnitCode is { } code)
        {
            unitId = await FindUnitAsync(scope.ServiceProvider.GetRequiredService<IUnitStore>(), code)
                     ?? throw InvalidField.Because("unit", $"no unit has the code '{code}'.");
        }
        CreatedClientResponse created;
        try
        {
            created = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new CreateClientCommand(command.ClientName!, command.ClientScopes!, unitId));
        }
        catch (ValidationException e)
        {
            // The same rules as the API's (name length, admin not bound to a unit): the arguments were wrong.
            throw new CommandLineException(string.Join(" ", e.Errors.Select(error => $"{Option(error.PropertyName)}: {error.ErrorMessage}")));
        }
        await Console.Error.WriteLineAsync(
            $"Created client {created.Id} '{created.Name}' ({string.Join(", ", created.Scopes)}" +
            $"{(command.ClientUnitCode is { } unit ? $", unit {unit}" : "")}). Its key, shown only this once:");
        await Console.Out.WriteLineAsync(created.Key);
        return 0;
    }

    private static string Option(string property) => property == nameof(CreateClientCommand.UnitId)
        ? "--unit"
        : "--" + property.Split('[')[0].ToLowerInvariant();

    /// <summary>Codes are unique; the text filter matches them within code or name, so the exact one is picked out.</summary>
    private static async Task<Guid?> FindUnitAsync(IUnitStore units, string code)
    {
        string? cursor = null;
        do
        {
            var page = await units.ListAsync(new UnitFilter(null, null, code, null), 100, cursor, CancellationToken.None);
            if (page.Items.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase)) is { } unit)
                return unit.Id;
            cursor = page.NextCursor;
        } while (cursor is not null);
        return null;
    }
}
