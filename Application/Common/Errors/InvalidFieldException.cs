using FluentValidation;
using FluentValidation.Results;

namespace Rectify.Application.Common.Errors;

/// <summary>A field that is well-formed but names something unusable (an unknown or inactive unit…); answered as 400.</summary>
public static class InvalidField
{
    public static ValidationException Because(string field, string message) =>
        new([new ValidationFailure(field, message)]);
}
