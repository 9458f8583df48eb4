using Rectify.Application.Common;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

/// <summary>
/// A PATCH field <c>Optional&lt;T&gt;</c> travels as a plain <c>T</c>, so the document describes it as one: the member
/// gets <c>T</c>'s own schema (no wrapper schema a client generator would turn into a class), it is never required
/// (absent means "leave as is"), and <see cref="MemberSchemas"/> marks it nullable where null clears it.
/// </summary>
internal sealed class OptionalMembers(ISerializerDataContractResolver inner) : ISerializerDataContractResolver
{
    public DataContract GetDataContractForType(Type type)
    {
        if (ValueType(type) is { } value)
            return inner.GetDataContractForType(value);
        var contract = inner.GetDataContractForType(type);
        if (contract.DataType != DataType.Object || contract.ObjectProperties?.Any(p => ValueType(p.MemberType) is not null) != true)
            return contract;
        var properties = contract.ObjectProperties.Select(p => ValueType(p.MemberType) is { } valueType
            // Nullable as far as the required-members rule is concerned; MemberSchemas sets the real flag.
            ? new DataProperty(p.Name, valueType, isRequired: false, isNullable: true, p.IsReadOnly, p.IsWriteOnly, p.MemberInfo)
            : p);
        return DataContract.ForObject(contract.UnderlyingType, properties.ToList(), contract.ObjectExtensionDataType,
            contract.ObjectTypeNameProperty, contract.ObjectTypeNameValue, contract.JsonConverter);
    }

    /// <summary>The <c>T</c> of an <c>Optional&lt;T&gt;</c>, or null for any other type.</summary>
    public static Type? ValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>) ? type.GetGenericArguments()[0] : null;
}
