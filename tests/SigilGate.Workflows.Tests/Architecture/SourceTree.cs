namespace SigilGate.Workflows.Tests.Architecture;

/// <summary>The repository's root, found above the test's output folder by its solution file.</summary>
internal static class SourceTree
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SigilGate.Hooks.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"no SigilGate.Hooks.sln above {TestContext.CurrentContext.TestDirectory}");
    }
}
