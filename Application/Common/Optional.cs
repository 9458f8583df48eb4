using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rectify.Application.Common;

/// <summary>
/// A PATCH field: absent from the body means "leave as is", present (even as null) means "set to this".
/// That is JSON Merge Patch (RFC 7396) for flat fields.
/// </summary>
[JsonConverter(typeof(OptionalJsonConverterFactory))]
public readonly record struct Optional<T>(T Value)
{
    public bool HasValue { get; } = true;

    public T Or(T current) => HasValue ? Value : current;

    public static implicit operator Optional<T>(T value) => new(value);
}

public sealed class OptionalJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(OptionalJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalJsonConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        // The value's own converter is called directly (not JsonSerializer.Deserialize) so a bad value is reported
        // at its property path, e.g. $.kind, and the 400 can name the field.
        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
                return typeof(T).IsValueType && Nullable.GetUnderlyingType(typeof(T)) is null
                    ? throw new JsonException("null is not allowed here.")
                    : new Optional<T>(default!);
            var converter = (JsonConverter<T>)options.GetConverter(typeof(T));
            return new(converter.Read(ref reader, typeof(T), options)!);
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
