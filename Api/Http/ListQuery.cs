using Rectify.Application.Common.Paging;

namespace Rectify.Api.Http;

public static class ListQuery
{
    public static int LimitOrDefault(int? limit) => limit ?? Cursor.DefaultLimit;
}
