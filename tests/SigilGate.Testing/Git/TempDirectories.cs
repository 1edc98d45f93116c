namespace SigilGate.Testing.Git;

/// <summary>Creates and removes throwaway directories.</summary>
public static class TempDirectories
{
    public static string Create(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
