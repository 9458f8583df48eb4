using System.Text.RegularExpressions;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>The README's C# verifier is the one every delivery in these tests is checked with, word for word.</summary>
public sealed class ReadmeVerifierTests
{
    private static IReadOnlyList<string> Lines(string code) =>
        code.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    [Test]
    public void ReadmeCSharpVerifier_IsTheTestsVerifier()
    {
        var root = Repository.Root;
        var source = File.ReadAllText(Path.Combine(root, "tests", "Rectify.IntegrationTests", "Webhooks", "WebhookSignature.cs"));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));

        var tested = Regex.Match(source, @"// README: begin C# verifier\n(.*?)\s*// README: end C# verifier", RegexOptions.Singleline);
        var shown = Regex.Match(readme, @"```csharp\n.*?public static class WebhookSignature\n\{\n(.*?)\n\}\n", RegexOptions.Singleline);

        Assert.That(tested.Success && shown.Success, Is.True, "both the marked source and the README block are found");
        Assert.That(Lines(shown.Groups[1].Value), Is.EqualTo(Lines(tested.Groups[1].Value)));
    }
}
