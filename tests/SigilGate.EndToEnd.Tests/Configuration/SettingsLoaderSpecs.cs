using SigilGate.Cli.Configuration;
using SigilGate.Domain.Configuration;

namespace SigilGate.EndToEnd.Tests.Configuration;

/// <summary>Layering, lowest to highest: defaults, the machine file, the repository's sigil.json, SIGIL_ variables.</summary>
public sealed class SettingsLoaderSpecs
{
    private string root = null!;
    private string systemFile = null!;
    private string repository = null!;

    private string RepositoryFile => Path.Combine(repository, "sigil.json");

    [SetUp]
    public void CreateDirectories()
    {
        root = Directory.CreateTempSubdirectory("sigil-settings-").FullName;
        systemFile = Path.Combine(root, "etc", "sigil.json");
        repository = Path.Combine(root, "network.git");
        Directory.CreateDirectory(Path.GetDirectoryName(systemFile)!);
        Directory.CreateDirectory(repository);
    }

    [TearDown]
    public void DeleteDirectories() => Directory.Delete(root, recursive: true);

    [Test]
    public void Without_files_or_variables_the_defaults_apply()
    {
        var settings = Load();

        settings.ShouldBe(Settings.Defaults);
        settings.Etcd.Endpoints.ShouldBe("http://127.0.0.1:2379");
        settings.Sigil.Prefix.ShouldBe("/sigil");
    }

    [Test]
    public void Each_layer_overrides_only_the_keys_it_sets()
    {
        File.WriteAllText(systemFile, """{ "Etcd": { "Endpoints": "http://etc:2379", "TimeoutSeconds": 9 }, "Sigil": { "Branch": "etc-branch", "Prefix": "/etc-prefix" } }""");
        File.WriteAllText(RepositoryFile, """{ "Etcd": { "Endpoints": "http://repo:2379" }, "Sigil": { "Branch": "repo-branch" } }""");

        var settings = Load(new() { ["SIGIL_ETCD__ENDPOINTS"] = "http://env-1:2379,http://env-2:2379" });

        settings.Etcd.Endpoints.ShouldBe("http://env-1:2379,http://env-2:2379");
        settings.Etcd.EndpointList.ShouldBe(["http://env-1:2379", "http://env-2:2379"]);
        settings.Sigil.Branch.ShouldBe("repo-branch");
        settings.Etcd.TimeoutSeconds.ShouldBe(9);
        settings.Sigil.Prefix.ShouldBe("/etc-prefix");
        settings.Sigil.IdentityVariable.ShouldBe("SIGIL_IDENTITY");
    }

    [Test]
    public void The_repository_file_overrides_the_machine_file()
    {
        File.WriteAllText(systemFile, """{ "Etcd": { "TimeoutSeconds": 9 } }""");
        File.WriteAllText(RepositoryFile, """{ "Etcd": { "TimeoutSeconds": 3 } }""");

        Load().Etcd.TimeoutSeconds.ShouldBe(3);
    }

    [Test]
    public void Environment_variables_override_both_files_and_are_matched_without_regard_to_case()
    {
        File.WriteAllText(systemFile, """{ "Sigil": { "OtherRefs": "Allow" } }""");
        File.WriteAllText(RepositoryFile, """{ "Sigil": { "OtherRefs": "Allow" } }""");

        var settings = Load(new() { ["SIGIL_SIGIL__OTHERREFS"] = "deny", ["SIGIL_Sigil__MassDeleteShare"] = "0.25", ["SIGIL_IDENTITY"] = "alice" });

        settings.Sigil.OtherRefs.ShouldBe(OtherRefsMode.Deny);
        settings.Sigil.MassDeleteShare.ShouldBe(0.25);
    }

    [Test]
    public void Without_a_dictionary_the_process_environment_is_read()
    {
        Environment.SetEnvironmentVariable("SIGIL_SIGIL__BRANCH", "from-process");
        try
        {
            SettingsLoader.Load(repository, null, systemFile).Sigil.Branch.ShouldBe("from-process");
        }
        finally
        {
            Environment.SetEnvironmentVariable("SIGIL_SIGIL__BRANCH", null);
        }
    }

    [Test]
    public void Without_a_directory_only_the_machine_file_and_the_environment_count()
    {
        File.WriteAllText(systemFile, """{ "Sigil": { "Branch": "etc-branch" } }""");
        File.WriteAllText(RepositoryFile, """{ "Sigil": { "Branch": "repo-branch" } }""");

        SettingsLoader.Load(null, new Dictionary<string, string?>(), systemFile).Sigil.Branch.ShouldBe("etc-branch");
    }

    [Test]
    public void A_null_in_a_higher_layer_removes_an_optional_setting_of_a_lower_one()
    {
        File.WriteAllText(systemFile, """{ "Etcd": { "Username": "sigil", "PasswordFile": "/etc/sigil/etcd-password" } }""");
        File.WriteAllText(RepositoryFile, """{ "Etcd": { "Username": null, "PasswordFile": null } }""");

        var settings = Load();

        settings.Etcd.Username.ShouldBeNull();
        settings.Etcd.PasswordFile.ShouldBeNull();
    }

    [Test]
    public void A_relative_file_path_is_taken_from_the_directory_of_the_file_that_names_it()
    {
        File.WriteAllText(systemFile, """{ "Etcd": { "Username": "sigil", "PasswordFile": "etcd-password" } }""");

        Load().Etcd.PasswordFile.ShouldBe(Path.Combine(Path.GetDirectoryName(systemFile)!, "etcd-password"));
    }

    [TestCase("sigil", "/sigil")]
    [TestCase("/sigil/", "/sigil")]
    [TestCase("//net/prod//", "/net/prod")]
    [TestCase(" /sigil ", "/sigil")]
    public void The_prefix_gets_a_leading_slash_and_loses_a_trailing_one(string configured, string expected)
    {
        Load(new() { ["SIGIL_SIGIL__PREFIX"] = configured }).Sigil.Prefix.ShouldBe(expected);
    }

    [TestCase("SIGIL_ETCD__TIMEOUTSECONDS", "five", "SIGIL_ETCD__TIMEOUTSECONDS: must be 1-3600, got 'five'")]
    [TestCase("SIGIL_ETCD__TIMEOUTSECONDS", "0", "must be 1-3600, got '0'")]
    [TestCase("SIGIL_SIGIL__OTHERREFS", "sometimes", "SIGIL_SIGIL__OTHERREFS: must be allow or deny, got 'sometimes'")]
    [TestCase("SIGIL_SIGIL__OTHERREFS", "1", "must be allow or deny")]
    [TestCase("SIGIL_SIGIL__MASSDELETESHARE", "1,5", "must be 0-1, such as 0.5")]
    [TestCase("SIGIL_SIGIL__PREFIX", "/", "must be a key prefix such as /sigil")]
    [TestCase("SIGIL_SIGIL__IDENTITYVARIABLE", "MY-VAR", "must be an environment variable name")]
    [TestCase("SIGIL_ETCD__ENDPOINTS", "127.0.0.1:2379", "'127.0.0.1:2379' is not an etcd client URL")]
    [TestCase("SIGIL_ETCD__ENDPOINTS", "http://a:2379,https://b:2379", "mixes http and https")]
    public void A_bad_variable_is_named_with_what_is_expected(string variable, string value, string message)
    {
        var error = Should.Throw<SettingsException>(() => Load(new() { [variable] = value }));

        error.Message.ShouldContain($"environment variable {variable}");
        error.Message.ShouldContain(message);
    }

    [Test]
    public void A_bad_value_in_a_file_names_the_file_and_the_key()
    {
        File.WriteAllText(RepositoryFile, """{ "Etcd": { "TimeoutSeconds": "soon" } }""");

        var error = Should.Throw<SettingsException>(() => Load());

        error.Message.ShouldBe($"{RepositoryFile} (Etcd:TimeoutSeconds): must be 1-3600, got 'soon'");
    }

    [TestCase("ma..in")]
    [TestCase("refs/heads/ma..in")]
    [TestCase("main.lock")]
    [TestCase("main/")]
    [TestCase("ma@{in")]
    [TestCase("ma in")]
    [TestCase("-/.hidden")]
    public void A_protected_branch_git_would_not_accept_as_a_branch_name_is_an_error_naming_the_file_and_the_key(string branch)
    {
        File.WriteAllText(RepositoryFile, $$"""{ "Sigil": { "Branch": "{{branch}}" } }""");

        var error = Should.Throw<SettingsException>(() => Load());

        error.Message.ShouldBe($"{RepositoryFile} (Sigil:Branch): must be a branch name git accepts, such as main (see 'git check-ref-format'), got '{branch}'");
    }

    [TestCase("main", "main")]
    [TestCase("refs/heads/main", "main")]
    [TestCase("release/2026.12", "release/2026.12")]
    [TestCase("mian", "mian")]
    public void A_protected_branch_git_accepts_is_read_as_its_short_name(string configured, string expected)
    {
        Load(new() { ["SIGIL_SIGIL__BRANCH"] = configured }).Sigil.Branch.ShouldBe(expected);
    }

    [Test]
    public void A_folder_where_a_settings_file_belongs_is_an_error_not_the_defaults()
    {
        Directory.CreateDirectory(RepositoryFile);

        var error = Should.Throw<SettingsException>(() => Load());

        error.Message.ShouldBe($"{RepositoryFile}: is a folder, not a settings file: remove it or put the JSON settings there");
    }

    [Test]
    public void A_malformed_file_is_named_with_the_line_of_the_error()
    {
        File.WriteAllText(systemFile, "{\n  \"Etcd\": {\n    \"Endpoints\": \"http://a:2379\"\n    \"TimeoutSeconds\": 3\n  }\n}\n");

        var error = Should.Throw<SettingsException>(() => Load());

        error.Message.ShouldStartWith($"{systemFile}: malformed JSON: line 4");
    }

    [Test]
    public void A_misspelt_key_in_a_file_is_an_error()
    {
        File.WriteAllText(RepositoryFile, """{ "Etcd": { "Endpoint": "http://a:2379" } }""");

        var error = Should.Throw<SettingsException>(() => Load());

        error.Message.ShouldStartWith($"{RepositoryFile} (Etcd:Endpoint): unknown setting");
        error.Message.ShouldContain("Etcd:Endpoints");
    }

    [Test]
    public void A_list_where_one_value_is_expected_is_an_error()
    {
        File.WriteAllText(RepositoryFile, """{ "Etcd": { "Endpoints": ["http://a:2379", "http://b:2379"] } }""");

        var error = Should.Throw<SettingsException>(() => Load());

        error.Message.ShouldBe($"{RepositoryFile} (Etcd:Endpoints): must be a single value, not a list or an object");
    }

    [Test]
    public void A_username_without_a_password_file_is_an_error()
    {
        var error = Should.Throw<SettingsException>(() => Load(new() { ["SIGIL_ETCD__USERNAME"] = "sigil" }));

        error.Message.ShouldContain("environment variable SIGIL_ETCD__USERNAME");
        error.Message.ShouldContain("needs both Etcd:Username and Etcd:PasswordFile");
    }

    [Test]
    public void Tls_files_with_http_endpoints_are_an_error()
    {
        File.WriteAllText(RepositoryFile, """{ "Etcd": { "CaFile": "/etc/sigil/ca.pem" } }""");

        var error = Should.Throw<SettingsException>(() => Load());

        error.Message.ShouldContain("use https:// endpoints");
    }

    [Test]
    public void The_example_of_the_contract_loads_as_written()
    {
        File.WriteAllText(RepositoryFile, """
            { "Etcd":  { "Endpoints": "http://127.0.0.1:2379", "Username": null, "PasswordFile": null,
                         "CaFile": null, "CertFile": null, "KeyFile": null, "TimeoutSeconds": 5 },
              "Sigil": { "Prefix": "/sigil", "Branch": "main", "IdentityVariable": "SIGIL_IDENTITY" } }
            """);

        Load().ShouldBe(Settings.Defaults);
    }

    private Settings Load(Dictionary<string, string?>? environment = null) =>
        SettingsLoader.Load(repository, environment ?? [], systemFile);
}
