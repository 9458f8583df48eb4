using FluentValidation;

namespace Rectify.Application.Common.Paging;

public static class PagingRules
{
    public static IRuleBuilderOptions<T, int> ValidLimit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Cursor.MaxLimit).OverridePropertyName("limit");
}
