using Rectify.Application.Common.Errors;
using Rectify.Domain.Common;

namespace Rectify.Api.Http;

/// <summary>Enum query parameters use the same snake_case words as the JSON bodies.</summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value, string parameter) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        foreach (var candidate in Enum.GetValues<T>())
            if (string.Equals(Words.Of(candidate), value.Trim(), StringComparison.Ordinal))
                return candidate;
        throw InvalidField.Because(parameter,
            $"'{value}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(Words.Of))}.");
    }
}
