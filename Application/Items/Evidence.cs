using Rectify.Domain.Items;
using FluentValidation;

namespace Rectify.Application.Items;

public sealed class EvidenceValidator : AbstractValidator<Evidence>
{
    public const int MaxPerSubmission = 50;

    public EvidenceValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Uri).NotEmpty().MaximumLength(2000)
            .Must(u => System.Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == System.Uri.UriSchemeHttps || uri.Scheme == System.Uri.UriSchemeHttp))
            .WithMessage("uri is an absolute http or https address.");
        RuleFor(x => x.Sha256).Matches("^[0-9a-fA-F]{64}$").When(x => x.Sha256 is not null)
            .WithMessage("sha256 is 64 hexadecimal characters.");
    }
}

internal static class EvidenceRules
{
    public static IRuleBuilderOptions<T, IReadOnlyList<Evidence>?> EvidenceCount<T>(this IRuleBuilder<T, IReadOnlyList<Evidence>?> rule) =>
        rule.Must(e => e is null || e.Count <= EvidenceValidator.MaxPerSubmission)
            .WithMessage($"At most {EvidenceValidator.MaxPerSubmission} pieces of evidence.")
            .Must(e => e is null || e.All(piece => piece is not null))
            .WithMessage("An evidence list has no empty entries.");
}
