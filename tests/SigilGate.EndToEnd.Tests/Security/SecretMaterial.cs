namespace SigilGate.EndToEnd.Tests.Security;

/// <summary>What must never be printed or stored by the suite: passwords and private keys, whole or in part.</summary>
internal sealed class SecretMaterial
{
    private readonly List<string> secrets = [];

    public void AddPassword(string password) => secrets.Add(password);

    /// <summary>Every PEM private key under <paramref name="directory"/>: each base64 line of its body, and the PEM label.</summary>
    public void AddPrivateKeysIn(string directory)
    {
        secrets.Add("PRIVATE KEY");
        var files = Directory.GetFiles(directory, "*-key.pem", SearchOption.AllDirectories);
        files.ShouldNotBeEmpty($"no private key under {directory}");
        foreach (var file in files)
        {
            secrets.AddRange(File.ReadAllLines(file).Where(l => !l.StartsWith("-----", StringComparison.Ordinal) && l.Length >= 16));
        }
    }

    /// <summary>Asserts that <paramref name="text"/> (named <paramref name="what"/> in the failure) holds none of the material.</summary>
    public void ShouldNotAppearIn(string text, string what)
    {
        secrets.ShouldNotBeEmpty();
        foreach (var secret in secrets)
        {
            text.Contains(secret, StringComparison.Ordinal).ShouldBeFalse($"{what} reveals secret material ({secret.Length} characters of a password or key)");
        }
    }
}
