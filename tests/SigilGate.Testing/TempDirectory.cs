namespace SigilGate.Testing;

/// <summary>Names and removes the throwaway directories of etcd members.</summary>
internal static class TempDirectory
{
    public static string Create(string tag)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sigil-{tag}-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
