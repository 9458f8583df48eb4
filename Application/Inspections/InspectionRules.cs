using FluentValidation;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Inspections;

namespace Rectify.Application.Inspections;

internal static class InspectionRules
{
    public static IRuleBuilderOptions<T, string?> InspectionTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(500);

    public static IRuleBuilderOptions<T, string?> ShortText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(200);

    public static IRuleBuilderOptions<T, int> InspectionYear<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(2000, 2100);

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> SignOffStepList<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(steps => steps is null || (steps.Count is > 0 and <= Inspection.MaxSignOffSteps &&
                                             steps.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 100)))
            .WithMessage($"signOffSteps lists 1 to {Inspection.MaxSignOffSteps} non-empty step names of at most 100 characters.")
            // A reviewer's decision names its step: two steps of one name could not be told apart.
            .Must(steps => steps is null || steps.Where(s => s is not null).Select(s => s.Trim()).Distinct().Count() == steps.Count)
            .WithMessage("Each step of signOffSteps has a name of its own: a decision names the step it decides.");

    public static async Task<Inspection> GetAsync(this IInspectionStore store, Guid id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Inspection", id);
}
