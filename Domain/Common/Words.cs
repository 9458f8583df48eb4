using System.Text;

namespace Rectify.Domain.Common;

/// <summary>Enum values in messages, spelled as the API spells them (snake_case: basically_completed).</summary>
public static class Words
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
