using System.Collections.Frozen;
using Rectify.Domain.Common;

namespace Rectify.Infrastructure.Persistence;

/// <summary>Enums are stored as the same snake_case words the API speaks, so the tables read plainly.</summary>
public static class EnumText<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Texts =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => Words.Of(v));

    private static readonly FrozenDictionary<string, T> Values =
        Texts.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    public static string Of(T value) => Texts[value];

    public static T Parse(string text) => Values.TryGetValue(text, out var value)
        ? value
        : throw new InvalidOperationException($"'{text}' is not a stored {typeof(T).Name}.");
}
