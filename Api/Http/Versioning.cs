using Microsoft.Net.Http.Headers;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;

namespace Rectify.Api.Http;

/// <summary>The item version is the ETag (<c>"7"</c>); <c>If-Match</c> must name it, or be <c>*</c>.</summary>
public static class Versioning
{
    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>
    /// RFC 9110: <c>*</c> matches any version; otherwise a list of entity tags, any of which may match. If-Match compares
    /// strongly, so a weak tag (<c>W/"7"</c>) and tags this service never issued are well-formed but match nothing: 412.
    /// A header that is not that shape (<c>7</c> without quotes, <c>*</c> inside a list) says nothing about a version: 400.
    /// </summary>
    public static ExpectedVersion IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
            throw new PreconditionRequiredException();
        if (header == "*")
            return ExpectedVersion.Any;
        if (!EntityTagHeaderValue.TryParseStrictList([header], out var tags) || tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
            throw new InvalidHeaderException(HeaderNames.IfMatch,
                $"If-Match '{header}' is not an entity tag: send the ETag as read, quotes included (e.g. \"7\"), " +
                "a comma-separated list of them, or * for any version.");
        var versions = tags.Where(tag => !tag.IsWeak)
            .Select(tag => int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version) ? version : -1)
            .Where(version => version > 0)
            .ToList();
        return new ExpectedVersion(versions);
    }

    /// <summary>If-Match where it is honoured but not required: without the header any version matches.</summary>
    public static ExpectedVersion OptionalIfMatch(HttpRequest request) =>
        request.Headers.IfMatch.Count == 0 ? ExpectedVersion.Any : IfMatch(request);

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
