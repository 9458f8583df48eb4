using System.Text.Json;
using Rectify.Domain.Common;

namespace Rectify.UnitTests.Domain;

/// <summary>Messages, stored enum columns and query parameters use <see cref="Words"/>; JSON bodies use the serializer.
/// They must spell every value the same way, or a stored word would not match what the API accepts.</summary>
public sealed class WordsTests
{
    private static IEnumerable<Type> DomainEnums() =>
        typeof(Words).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic);

    [TestCaseSource(nameof(DomainEnums))]
    public void Of_EveryDomainEnumValue_MatchesTheJsonSpelling(Type enumType)
    {
        var of = typeof(Words).GetMethod(nameof(Words.Of))!.MakeGenericMethod(enumType);
        foreach (var value in Enum.GetValues(enumType))
            Assert.That(of.Invoke(null, [value]), Is.EqualTo(JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()!)));
    }

    [Test]
    public void Of_ATwoWordValue_IsSnakeCase() =>
        Assert.That(Words.Of(Rectify.Domain.Items.ProgressStatus.BasicallyCompleted), Is.EqualTo("basically_completed"));
}
