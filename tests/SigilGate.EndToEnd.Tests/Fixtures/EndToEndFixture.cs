namespace SigilGate.EndToEnd.Tests;

/// <summary>
/// The one base of the end-to-end fixtures: the real parts a fixture's tests run against (an etcd,
/// or an etcd with a hooked repository and clones), made for each test, or once for all of them,
/// and thrown away afterwards. A variant says what it makes; everything else is here.
/// </summary>
public abstract class EndToEndFixture<TParts>
    where TParts : class, IAsyncDisposable
{
    /// <summary>What the variant made (of the current test, or of the fixture when shared); null before and after.</summary>
    protected TParts Parts { get; private set; } = null!;

    /// <summary>True: one set of parts for every test of the fixture, made before the first; false: fresh ones per test.</summary>
    protected virtual bool OneForAllTests => false;

    /// <summary>Makes the parts; when it fails part-way it removes what it made.</summary>
    protected abstract Task<TParts> CreateAsync();

    [OneTimeSetUp]
    public async Task CreateTheFixturesParts()
    {
        if (OneForAllTests) Parts = await CreateAsync();
    }

    [SetUp]
    public async Task CreateTheTestsParts()
    {
        if (!OneForAllTests) Parts = await CreateAsync();
    }

    // NUnit runs TearDown after a failed SetUp too, and reuses the fixture object for the next test:
    // what is removed is set to null.
    [TearDown]
    public async Task RemoveTheTestsParts()
    {
        if (!OneForAllTests) await RemoveAsync();
    }

    [OneTimeTearDown]
    public async Task RemoveTheFixturesParts()
    {
        if (OneForAllTests) await RemoveAsync();
    }

    private async Task RemoveAsync()
    {
        await TestResources.DisposeAsync(Parts);
        Parts = null!;
    }
}
