using System.IO.Compression;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Webhooks;

namespace Rectify.Application.Reports;

/// <summary>
/// Makes and stores one run of a report: the document of the kind as of the period's date, built and compressed before
/// any transaction, then stored with its <c>report.generated</c> event in one short one (<see cref="StoreReportRunCommand"/>).
/// <paramref name="Period"/> is a client's (the kind's current period when absent); <paramref name="Fired"/> is the
/// scheduler's, which makes the run a scheduled one. One run per (kind, period): a second is a 409 naming the first.
/// </summary>
public sealed record RunReportCommand(ReportKind? Kind, string? Period, [property: JsonIgnore] ReportPeriod? Fired = null)
    : ICommand<ReportRunResponse>, IReadsBeforeItWrites;

/// <summary>Stores a made run and its event, unless its (kind, period) has one already.</summary>
public sealed record StoreReportRunCommand(ReportRunResponse Run, byte[] Content) : ICommand<ReportRunResponse>;

public sealed class RunReportValidator : AbstractValidator<RunReportCommand>
{
    public RunReportValidator()
    {
        RuleFor(x => x.Kind).NotNull();
        RuleFor(x => x.Period).MaximumLength(32);
    }
}

public sealed class RunReportHandler(
    IReportSchedules schedules,
    IReportRunStore runs,
    IReportBuilder builder,
    IReportRenderer renderer,
    ISender sender,
    ICurrentClient client,
    TimeProvider clock) : ICommandHandler<RunReportCommand, ReportRunResponse>
{
    public async ValueTask<ReportRunResponse> Handle(RunReportCommand command, CancellationToken cancellationToken)
    {
        var kind = command.Kind!.Value;
        var now = clock.GetUtcNow();
        var period = command.Fired
                     ?? (command.Period is { } named ? schedules.Named(kind, named, now) : schedules.PeriodAt(kind, now));
        await StoreReportRunHandler.EnsureNewAsync(runs, kind, period.Name, cancellationToken);

        var since = await runs.PreviousAsOfAsync(kind, period.AsOf, cancellationToken);
        var trigger = command.Fired is null ? ReportRunTrigger.Manual : ReportRunTrigger.Scheduled;
        var info = new ReportRunInfo(Guid.CreateVersion7(), period.Name, trigger);
        var document = await builder.BuildAsync(new ReportRequest(kind, period.AsOf, null, null, null, since), cancellationToken);
        document = document with { Run = info };

        var (compressed, length) = await CompressedJsonAsync(document, cancellationToken);
        var run = new ReportRunResponse(info.Id, kind, period.Name, period.AsOf, document.GeneratedAt, trigger,
            trigger == ReportRunTrigger.Manual ? client.ClientId : null, document.Figures, length, compressed.Length);
        return await sender.Send(new StoreReportRunCommand(run, compressed), cancellationToken);
    }

    private async Task<(byte[] Compressed, long Length)> CompressedJsonAsync(ReportDocument document,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        long length;
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            var counted = new CountingStream(gzip);
            await renderer.WriteAsync(document, ReportFormat.Json, counted, cancellationToken);
            length = counted.Written;
        }
        return (buffer.ToArray(), length);
    }

}

public sealed class StoreReportRunHandler(IReportRunStore runs, IWebhookOutbox outbox, ReportRunOptions options, TimeProvider clock)
    : ICommandHandler<StoreReportRunCommand, ReportRunResponse>
{
    public async ValueTask<ReportRunResponse> Handle(StoreReportRunCommand command, CancellationToken cancellationToken)
    {
        var run = command.Run;
        await EnsureNewAsync(runs, run.Kind, run.Period, cancellationToken);
        await runs.InsertAsync(new NewReportRun(run, command.Content), cancellationToken);
        await outbox.EnqueueAsync([ReportWebhooks.Generated(run, clock.GetUtcNow())], cancellationToken);

        if (options.HoldOpenBeforeCommit > TimeSpan.Zero)
            await Task.Delay(options.HoldOpenBeforeCommit, cancellationToken);
        return run;
    }

    /// <summary>409 naming the run when the period has one: checked before a run is built, and again when it is stored.</summary>
    public static async Task EnsureNewAsync(IReportRunStore runs, ReportKind kind, string period, CancellationToken cancellationToken)
    {
        if (await runs.FindAsync(kind, period, cancellationToken) is { } existing)
            throw new ConflictException($"The {Domain.Common.Words.Of(kind)} report of period {period} was already made: run " +
                                        $"{existing.Id} ({existing.Href}).");
    }
}
