namespace Rectify.Domain.Units;

public enum UnitKind
{
    /// <summary>政府, 整改办: an office that coordinates the work.</summary>
    Office,
    /// <summary>局, 委: a bureau or commission.</summary>
    Department,
    /// <summary>乡镇, 街道: a township or street office.</summary>
    Township,
    /// <summary>园区: an industrial park.</summary>
    Park,
    Enterprise,
    Other,
}
