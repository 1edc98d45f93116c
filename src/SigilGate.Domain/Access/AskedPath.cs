using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Access;

/// <summary>
/// A path asked about by <c>sigil explain</c>, as a shell completes it in a checkout. Only a path a
/// push can carry has an answer: git names files relative to the repository's top, one name per
/// component, and the validation refuses the components git will not check out. Anything else
/// (<c>state/core-1/../core-2/...</c>) would be judged by its spelling, not by where it points.
/// </summary>
public static class AskedPath
{
    /// <summary>The path as Git names it: '/' between components, a leading <c>./</c> dropped.</summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.Replace('\\', '/');
        while (name.StartsWith("./", StringComparison.Ordinal)) name = name[2..];
        return name;
    }

    /// <summary>Why no push can contain the (normalized) <paramref name="path"/>, or null when one can.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0) return "a path must not be empty: name a file in the repository, such as nodes/entry/e-1.yaml";
        if (path.StartsWith('/')) return "an absolute path: name the file relative to the repository's top, such as nodes/entry/e-1.yaml";
        if (path.EndsWith('/')) return "names a folder: name a file in it (a push changes files)";
        if (path.Contains("//", StringComparison.Ordinal)) return "has an empty path component ('//'): git names no file so";
        return PathNames.RefusedComponent(path) is { } refused ? $"path component '{refused}' is not allowed (git refuses to check it out)" : null;
    }
}
