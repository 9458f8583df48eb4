using Microsoft.Net.Http.Headers;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;

namespace Rectify.Api.Http;

/// <summary>The item version is the ETag (<c>"7"</c>); <c>If-Match</c> must name it, or be <c>*</c>.</summary>
public static class Versioning
{
    public static string ETag(int version) => $"\"{version}\"";

    public static ExpectedVersion IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
            throw new PreconditionRequiredException();
        if (header == "*")
            return ExpectedVersion.Any;
        if (EntityTagHeaderValue.TryParse(header, out var tag) && !tag.IsWeak &&
            int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version))
            return new ExpectedVersion(version);
        // A tag we never issued can match no version.
        return new ExpectedVersion(-1);
    }

    /// <summary>Adds the ETag header to every answer that carries a single versioned resource.</summary>
    public static RouteGroupBuilder WithETags(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (inner is IValueHttpResult { Value: IVersioned resource })
                context.HttpContext.Response.Headers.ETag = ETag(resource.Version);
            return result;
        });
}
