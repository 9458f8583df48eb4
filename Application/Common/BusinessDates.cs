using FluentValidation;

namespace Rectify.Application.Common;

/// <summary>
/// The dates a ledger can hold: due dates, reports, implementations, detections, feedback. Anything outside
/// 2000-01-01..2100-12-31 is a typo or a default (0001-01-01), never a rectification date, so it is a 400.
/// </summary>
internal static class BusinessDates
{
    public static readonly DateOnly Min = new(2000, 1, 1), Max = new(2100, 12, 31);

    public const string Message = "A date is between 2000-01-01 and 2100-12-31.";

    public static bool Within(DateOnly? date) => date is null || (date >= Min && date <= Max);

    /// <summary>An absent date passes (required-ness is its own rule); a given one lies within the bounds.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> BusinessDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(Within).WithMessage(Message);
}
