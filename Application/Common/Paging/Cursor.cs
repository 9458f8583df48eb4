using System.Buffers.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Rectify.Application.Common.Paging;

/// <summary>
/// Opaque keyset cursors: the sort key of the last row served, as base64url JSON. Clients must not build
/// them; a cursor that does not decode is a 400 on <c>cursor</c> (or on the parameter that carried it).
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    public static TKey? Decode<TKey>(string? cursor, string field = "cursor") where TKey : class
    {
        if (string.IsNullOrEmpty(cursor))
            return null;
        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor))
                   ?? throw new JsonException();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ValidationException([new ValidationFailure(field, $"The {field} value is not one this service issued.")]);
        }
    }

    /// <summary>Builds the page from one extra row fetched beyond the limit: its presence means there is a next page.</summary>
    public static Page<T> ToPage<T, TKey>(IReadOnlyList<T> rowsPlusOne, int limit, Func<T, TKey> keyOf)
    {
        if (rowsPlusOne.Count <= limit)
            return new Page<T>(rowsPlusOne, null);
        var items = rowsPlusOne.Take(limit).ToList();
        return new Page<T>(items, Encode(keyOf(items[^1])));
    }
}
