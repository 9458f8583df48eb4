namespace Rectify.IntegrationTests.Support;

/// <summary>The checkout the tests run from, for the files beside the code (README, redocly.yaml, scenario sources).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Rectify.sln")))
                return directory.FullName;
        throw new AssertionException("The repository root (Rectify.sln) was not found above the test binaries.");
    }
}
