using SigilGate.Testing;
using SigilGate.Testing.Git;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>
/// Through the real sigil: why etcd could not be read is said in the operator's words, never in
/// gRPC's ("Error connecting to subchannel", "Status(StatusCode=...)") or as a .NET exception's type.
/// </summary>
public sealed class EtcdMessageSpecs
{
    private GitEnvironment environment = null!;
    private readonly List<IDisposable> repositories = [];

    /// <summary>Words of the libraries underneath that an operator should never have to read.</summary>
    internal static void ShouldHaveNoJargon(string text)
    {
        foreach (var jargon in new[] { "subchannel", "StatusCode", "Status(", "Exception", "gRPC", "Grpc" })
        {
            text.ShouldNotContain(jargon, Case.Sensitive, text);
        }
    }

    [SetUp]
    public void CreateEnvironment() => environment = new GitEnvironment();

    [TearDown]
    public void RemoveEverything()
    {
        repositories.ForEach(r => r.Dispose());
        repositories.Clear();
        environment.Dispose();
    }

    private async Task<ProcessResult> DriftAsync(string endpoints)
    {
        var bare = await BareRepository.CreateAsync(environment, endpoints, withHooks: false);
        repositories.Add(bare);
        return await bare.SigilAsync("drift", "--repo", bare.Path);
    }

    private static string OneErrorLine(ProcessResult result)
    {
        result.ExitCode.ShouldBe(2, result.ToString());
        var line = result.StandardError.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();
        ShouldHaveNoJargon(line);
        return line;
    }

    [Test]
    public async Task A_closed_port_reads_as_connection_refused()
    {
        var endpoint = $"http://127.0.0.1:{FreePorts.Take()}";

        var line = OneErrorLine(await DriftAsync(endpoint));

        line.ShouldBe($"sigil: error: etcd unavailable at {endpoint} while trying to read prefix /sigil/: connection refused (is etcd running and listening there?): drift unknown (etcd could not be read, which is not 'in sync')");
    }

    [Test]
    public async Task Https_to_a_plain_etcd_reads_as_a_failed_tls_handshake()
    {
        await using var etcd = await EtcdServer.StartNewAsync();
        var endpoint = etcd.Endpoint.Replace("http://", "https://", StringComparison.Ordinal);

        var line = OneErrorLine(await DriftAsync(endpoint));

        line.ShouldStartWith($"sigil: error: etcd unavailable at {endpoint} while trying to read prefix /sigil/: the TLS handshake failed");
        line.ShouldContain("then use http:// endpoints");
    }

    [Test]
    public async Task Plain_http_to_an_etcd_that_serves_tls_says_to_use_https()
    {
        var directory = Directory.CreateTempSubdirectory("sigil-tls-").FullName;
        try
        {
            await using var etcd = await EtcdServer.StartNewAsync(TestCertificates.Create(directory));
            var endpoint = etcd.Endpoint.Replace("https://", "http://", StringComparison.Ordinal);

            var line = OneErrorLine(await DriftAsync(endpoint));

            line.ShouldStartWith($"sigil: error: etcd unavailable at {endpoint} while trying to read prefix /sigil/: ");
            line.ShouldContain("use https:// endpoints");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
