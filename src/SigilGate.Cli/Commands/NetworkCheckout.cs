namespace SigilGate.Cli.Commands;

/// <summary>
/// What <c>sigil validate DIR</c> needs before it validates: a folder that holds a network
/// repository. An empty or wrong folder has no records to fault, and "valid" would be a lie.
/// </summary>
internal static class NetworkCheckout
{
    private static readonly string[] Markers = ["sigil.yaml", "network.yaml"];

    /// <exception cref="ArgumentException">The folder is missing, a file, or holds neither marker file.</exception>
    public static void Check(string directory)
    {
        if (File.Exists(directory)) throw new ArgumentException($"{directory} is a file, not a checkout of the network repository");
        if (!Directory.Exists(directory)) throw new ArgumentException($"{directory}: no such directory");
        if (!Markers.Any(marker => File.Exists(Path.Combine(directory, marker))))
        {
            throw new ArgumentException($"{directory} is not a checkout of the network repository: it holds neither sigil.yaml nor network.yaml");
        }
    }
}
