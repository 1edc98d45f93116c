using SigilGate.Cli.Configuration;

namespace SigilGate.EndToEnd.Tests.Configuration;

/// <summary>SIGIL_* variables (in process): a misspelt setting is an error that names the one meant, as in sigil.json.</summary>
public sealed class EnvironmentNameSpecs
{
    private const string NoSystemFile = "/nonexistent/sigil.json";

    private static string Refused(params (string Name, string Value)[] variables) =>
        Should.Throw<SettingsException>(() => Load(variables)).Message;

    private static Domain.Configuration.Settings Load(params (string Name, string Value)[] variables) =>
        SettingsLoader.Load(null, variables.ToDictionary(v => v.Name, v => (string?)v.Value), NoSystemFile);

    [TestCase("SIGIL_ETCD__ENDPOINT", "SIGIL_ETCD__ENDPOINTS")]
    [TestCase("SIGIL_ETCD__TIMEOUT_SECONDS", "SIGIL_ETCD__TIMEOUTSECONDS")]
    [TestCase("SIGIL_SIGIL__BRANCHES", "SIGIL_SIGIL__BRANCH")]
    public void A_misspelt_setting_is_an_error_naming_the_nearest_setting(string variable, string meant) =>
        Refused((variable, "x")).ShouldBe($"environment variable {variable}: unknown setting; did you mean {meant}?");

    [Test]
    public void A_setting_shaped_variable_far_from_every_setting_lists_them_all() =>
        Refused(("SIGIL_CACHE__SIZE", "1")).ShouldStartWith("environment variable SIGIL_CACHE__SIZE: unknown setting; settings are SIGIL_ETCD__ENDPOINTS, ");

    [TestCase("SIGIL_ETCD_ENDPOINTS", "SIGIL_ETCD__ENDPOINTS")]
    [TestCase("SIGIL_IDENTTY", "SIGIL_IDENTITY")]
    public void A_near_miss_of_a_name_the_suite_reads_is_an_error(string variable, string meant) =>
        Refused((variable, "x")).ShouldBe($"environment variable {variable}: unknown; did you mean {meant}?");

    [TestCase("SIGIL_IDENTITY")]
    [TestCase("SIGIL_CRASH_AT")]
    [TestCase("SIGIL_BIN")]
    [TestCase("SIGIL_CRASH_BIN")]
    [TestCase("SIGIL_REPO_ROOT")]
    [TestCase("SIGIL_DEB_MAINTAINER")]
    [TestCase("SIGIL_SOAK_SEED")]
    [TestCase("SIGIL_MODEL_MINUTES")]
    public void Variables_the_suite_and_its_scripts_read_are_not_settings_and_pass(string variable) =>
        Load((variable, "x"), ("SIGIL_ETCD__TIMEOUTSECONDS", "7")).Etcd.TimeoutSeconds.ShouldBe(7);

    [Test]
    public void The_configured_identity_variable_passes_and_a_near_miss_of_it_does_not()
    {
        Load(("SIGIL_SIGIL__IDENTITYVARIABLE", "SIGIL_PUSHER"), ("SIGIL_PUSHER", "alice")).Sigil.IdentityVariable.ShouldBe("SIGIL_PUSHER");

        Refused(("SIGIL_SIGIL__IDENTITYVARIABLE", "SIGIL_PUSHER"), ("SIGIL_PUSHR", "alice")).ShouldBe("environment variable SIGIL_PUSHR: unknown; did you mean SIGIL_PUSHER?");
    }

    [Test]
    public void Another_program_s_variable_under_the_prefix_is_left_alone() =>
        Load(("SIGIL_WALLPAPER_THEME", "dark")).Etcd.TimeoutSeconds.ShouldBe(5);

    [Test]
    public void A_misspelt_key_in_a_file_names_the_nearest_key_too()
    {
        var directory = Directory.CreateTempSubdirectory("sigil-settings-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "sigil.json"), """{ "Etcd": { "TimeoutSecond": 3 } }""");

            var error = Should.Throw<SettingsException>(() => SettingsLoader.Load(directory, new Dictionary<string, string?>(), NoSystemFile));

            error.Message.ShouldStartWith($"{Path.Combine(directory, "sigil.json")} (Etcd:TimeoutSecond): unknown setting; did you mean Etcd:TimeoutSeconds? known keys are Etcd:Endpoints, ");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
