using FluentValidation;

namespace Rectify.Application.Webhooks;

/// <summary>Shape rules shared by creating and changing a subscription.</summary>
internal static class WebhookRules
{
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 500;

    public static IRuleBuilderOptions<T, string?> WebhookUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(UrlMaxLength)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
            .WithMessage("The url must be an absolute http or https URL.");

    /// <summary>
    /// The target policy's verdict on the URL's host. It resolves names, so it runs here, before the command's
    /// transaction: a slow resolver must not hold the write lock.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> AllowedTarget<T>(this IRuleBuilder<T, string?> rule,
        IWebhookTargetPolicy targets) =>
        rule.CustomAsync(async (url, context, cancellationToken) =>
        {
            if (Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 &&
                await targets.RefusalAsync(uri, cancellationToken) is { } refusal)
                context.AddFailure("url", refusal);
        });

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> WebhookEvents<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty()
            .Must(events => events is null || events.All(WebhookEventTypes.Subscribable.Contains))
            .WithMessage($"Every event must be one of: {string.Join(", ", WebhookEventTypes.Subscribable)}.");

    public static IRuleBuilderOptions<T, string?> WebhookDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(DescriptionMaxLength);
}
