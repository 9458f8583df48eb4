using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Rectify.Api.Http;
using Rectify.Api.OpenApi;
using Rectify.Application.Clients;
using Rectify.Application.Ledger;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class ImportEndpoints
{
    /// <summary>The file itself plus room for the multipart framing around it.</summary>
    public const long MaxRequestBytes = ImportLedgerCommand.MaxBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports").WithTags("Imports 台账导入").WithIdempotencyKeys();

        group.MapPost("", ImportLedger).RequireAuthorization(Scopes.Write)
            // An API-key service with no cookies: a form post here cannot be forged across sites.
            .DisableAntiforgery()
            .WithMetadata(new ImportSizeLimit(), new ProblemSchemas.LedgerErrors())
            .WithSummary("Import a ledger 导入整改台账")
            .WithDescription("""
                Imports a ledger file (multipart field `file`: CSV in UTF-8, with or without BOM, or GB18030/GBK; or XLSX, its first sheet) into the inspection inspectionId. Columns are found by header (the Chinese headers offices use, their aliases, or the API's field names; README lists them); the header row is the first row naming a known column, so a title row above it is skipped. Unknown columns are reported in unknownColumns and ignored.
                Rows are matched to items by 问题编号 (code) within the inspection, then by 外部编号 (system/id): a matched item gets what the present columns say (an unchanged row writes nothing and keeps its version), an unmatched row creates an item. Title missing: the first clause of 问题描述. Category missing: 其他 (other). 完成情况 differing from the item's status files a progress report dated today (已完成整改 marks the item's measures implemented first).
                All rows or none: any error answers 422 with `errors` [{row, column, message}] — row as the spreadsheet numbers it — and nothing is written. dryRun=true runs every check and answers what would be created, updated and left unchanged, writing nothing. One import is one transaction: its audit events and webhook events are those of the same changes made one by one. Files up to 32 MiB (413 beyond).
                """)
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblems(Status400BadRequest, Status403Forbidden, Status413PayloadTooLarge, Status422UnprocessableEntity);
        return app;
    }

    private static async Task<Ok<LedgerImportResult>> ImportLedger(ISender sender, IFormFile? file, CancellationToken cancellationToken,
        Guid? inspectionId = null, bool dryRun = false)
    {
        var content = file is null ? [] : new byte[file.Length];
        if (file is not null)
        {
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        return TypedResults.Ok(await sender.Send(
            new ImportLedgerCommand(inspectionId ?? Guid.Empty, dryRun, file?.FileName, content), cancellationToken));
    }

    /// <summary>A ledger is larger than the 1 MiB every other request is held to.</summary>
    private sealed class ImportSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MaxRequestBytes;
    }
}
