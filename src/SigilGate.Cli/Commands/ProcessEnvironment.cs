using System.Collections;

namespace SigilGate.Cli.Commands;

/// <summary>The process environment as a plain dictionary, so commands can be run with any environment.</summary>
public static class ProcessEnvironment
{
    public static IReadOnlyDictionary<string, string?> Read()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }

    /// <summary>Push options given with <c>git push -o</c> (git sets GIT_PUSH_OPTION_COUNT and GIT_PUSH_OPTION_&lt;i&gt;).</summary>
    public static IReadOnlyList<string> PushOptions(IReadOnlyDictionary<string, string?> environment)
    {
        if (!int.TryParse(environment.GetValueOrDefault("GIT_PUSH_OPTION_COUNT"), out var count)) return [];
        return Enumerable.Range(0, count)
            .Select(i => environment.GetValueOrDefault($"GIT_PUSH_OPTION_{i}"))
            .OfType<string>()
            .ToList();
    }
}
