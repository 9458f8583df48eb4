using FluentValidation;

namespace Rectify.Application.Units;

/// <summary>Shape rules shared by creating and editing a unit.</summary>
internal static class UnitRules
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 50;

    public static IRuleBuilderOptions<T, string?> UnitCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(CodeMaxLength)
            .Matches(@"^\S+$").WithMessage("A unit code cannot contain spaces.");

    public static IRuleBuilderOptions<T, string?> UnitName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(NameMaxLength);

    public static IRuleBuilderOptions<T, string?> Contact<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ContactMaxLength);
}
