
namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary>Through the real executables: a mistyped option, argument, variable or folder is said, never ignored.</summary>
public sealed class TypoSpecs : HookedRepository
{
    private const string NoCommit = "0000000000000000000000000000000000000000";

    private Task<ProcessResult> SigilAloneAsync(params string[] arguments) => Bare.SigilAsync(arguments);

    private Task<ProcessResult> HookAsync(string hook, string input, params string[] arguments) =>
        Processes.RunAsync(Path.Combine(Bare.Binaries, hook), arguments, Bare.Path, Environment.Variables, input);

    private static string OneErrorLine(ProcessResult result) => result.StandardError.TrimEnd('\n').Split('\n').ShouldHaveSingleItem();

    [TestCase("drift", "--jsn", "--json")]
    [TestCase("drift", "--metrics", "--metrics-file")]
    [TestCase("reconcile", "--dryrun", "--dry-run")]
    [TestCase("apply", "--rpo", "--repo")]
    [TestCase("push", "--work-dir", "--workdir")]
    public async Task A_sigil_verb_refuses_an_unknown_option_and_names_the_one_most_likely_meant(string verb, string typo, string meant)
    {
        var result = await SigilAloneAsync(verb, typo, "x");

        result.ExitCode.ShouldBe(2, result.ToString());
        var message = $"error: unknown option {typo} (did you mean {meant}?)";

        // sigil push's lines start with the time and "sigil push" (its node is not known yet).
        if (verb == "push") OneErrorLine(result).ShouldEndWith($" sigil push: {message}");
        else OneErrorLine(result).ShouldBe($"sigil: {message}");
    }

    [TestCase("valdiate", "validate")]
    [TestCase("recon", "reconcile")]
    [TestCase("conflict", "conflicts")]
    [TestCase("verison", "version")]
    public async Task A_mistyped_verb_is_refused_naming_the_one_most_likely_meant(string typo, string meant)
    {
        var result = await SigilAloneAsync(typo, "--repo", Bare.Path);

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe($"sigil: error: unknown command '{typo}' (did you mean '{meant}'?)");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Test]
    public async Task A_verb_like_no_other_still_points_to_the_help()
    {
        var result = await SigilAloneAsync("frobnicate");

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe("sigil: error: unknown command 'frobnicate' (see 'sigil --help')");
    }

    [TestCase("lsit", "list")]
    [TestCase("shwo", "show")]
    public async Task A_mistyped_conflicts_subcommand_is_refused_naming_the_one_meant_before_its_options(string typo, string meant)
    {
        // --json belongs to list only: the subcommand is named first, not the option.
        var result = await SigilAloneAsync("conflicts", typo, "--repo", Bare.Path, "--json");

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe($"sigil: error: unknown subcommand '{typo}' (did you mean '{meant}'?)");
    }

    [Test]
    public async Task A_conflicts_subcommand_like_no_other_lists_the_known_ones()
    {
        var result = await SigilAloneAsync("conflicts", "--repo", Bare.Path);

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe("sigil: error: unknown subcommand '--repo' (known: list, show, resolve)");
    }

    [Test]
    public async Task A_dry_run_misspelt_changes_nothing()
    {
        await PushBaseNetworkAsync();
        await Etcd.EtcdctlAsync("put", "/sigil/nodes/entry/e-1", "{\"hand\":\"edit\"}");

        var result = await SigilAloneAsync("reconcile", "--repo", Bare.Path, "--dryrun");

        result.ExitCode.ShouldBe(2, result.ToString());
        (await Etcd.EtcdctlAsync("get", "/sigil/nodes/entry/e-1", "--print-value-only")).Trim().ShouldBe("{\"hand\":\"edit\"}");
    }

    [TestCase("drift")]
    [TestCase("apply")]
    [TestCase("reconcile")]
    public async Task A_stray_argument_is_refused_and_named(string verb)
    {
        var result = await SigilAloneAsync(verb, "--repo", Bare.Path, "extra");

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe("sigil: error: unexpected argument extra: this command takes options only (see --help)");
    }

    [Test]
    public async Task An_option_where_the_repository_is_expected_is_an_error_not_a_path()
    {
        var result = await SigilAloneAsync("drift", "--repo", "--json");

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe("sigil: error: --repo needs a value, got the option --json (write --repo=--json if that is the value)");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Test]
    public async Task Pre_receive_rejects_an_unknown_flag_naming_it()
    {
        var result = await HookAsync("pre-receive", "", "--bogus");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.ShouldBe("sigil: error: unknown option --bogus (known: --help)\nsigil: push rejected: the push could not be checked\n");
    }

    [Test]
    public async Task Pre_commit_stops_on_an_unknown_flag_naming_it()
    {
        var result = await Processes.RunAsync(SigilBinaries.Path("pre-commit"), ["--x"], Clone.Path, Clone.Environment.Variables);

        result.ExitCode.ShouldBe(1, result.ToString());
        OneErrorLine(result).ShouldBe("sigil: error: unknown option --x (known: --help)");
    }

    [Test]
    public async Task Post_receive_with_an_unknown_flag_applies_nothing_says_so_and_still_exits_0()
    {
        using var unhooked = await BareRepository.CreateAsync(Environment, Etcd.Endpoint, Prefix, withHooks: false);
        Network.WriteBase(Clone);
        var sha = await Clone.CommitAllAsync("base network");
        (await Clone.GitAsync("push", unhooked.Path, "HEAD:refs/heads/main")).ExitCode.ShouldBe(0);
        var input = $"{NoCommit} {sha} refs/heads/main\n";
        var postReceive = Path.Combine(Bare.Binaries, "post-receive");

        var typo = await Processes.RunAsync(postReceive, ["--dryrun"], unhooked.Path, Environment.Variables, input);

        typo.ExitCode.ShouldBe(0, typo.ToString());
        OneErrorLine(typo).ShouldBe("sigil: error: unknown option --dryrun (known: --help); nothing was applied: the push's apply waits for the next push or 'sigil apply --repo BARE'");
        (await EtcdKeysAsync()).ShouldBeEmpty();

        var plain = await Processes.RunAsync(postReceive, [], unhooked.Path, Environment.Variables, input);
        plain.ExitCode.ShouldBe(0, plain.ToString());
        (await DataKeysAsync()).ShouldNotBeEmpty();
    }

    [Test]
    public async Task Validate_of_a_folder_that_is_not_a_network_checkout_is_an_error_not_valid()
    {
        var folder = Directory.CreateTempSubdirectory("sigil-not-a-checkout-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "README.md"), "notes\n");

            var result = await SigilAloneAsync("validate", folder);

            result.ExitCode.ShouldBe(2, result.ToString());
            OneErrorLine(result).ShouldBe($"sigil: error: {folder} is not a checkout of the network repository: it holds neither sigil.yaml nor network.yaml");
            result.StandardOutput.ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Validate_of_a_missing_folder_is_an_error()
    {
        var result = await SigilAloneAsync("validate", "/nonexistent/checkout");

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe("sigil: error: /nonexistent/checkout: no such directory");
    }

    [Test]
    public async Task Validate_still_says_valid_of_a_network_checkout()
    {
        Network.WriteBase(Clone);

        var result = await SigilAloneAsync("validate", Clone.Path);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldStartWith($"sigil: {Clone.Path}: valid");
    }

    [Test]
    public async Task A_misspelt_setting_variable_is_an_error_naming_the_setting_meant()
    {
        await PushBaseNetworkAsync();
        var environment = Environment.With(("SIGIL_ETCD__ENDPOINT", "http://10.255.255.1:2379"));

        var result = await Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), ["drift", "--repo", Bare.Path], Bare.Path, environment);

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe("sigil: error: environment variable SIGIL_ETCD__ENDPOINT: unknown setting; did you mean SIGIL_ETCD__ENDPOINTS?");
    }

    [Test]
    public async Task The_identity_and_test_variables_do_not_disturb_a_command()
    {
        await PushBaseNetworkAsync();
        var environment = Environment.With(("SIGIL_IDENTITY", "alice"), ("SIGIL_CRASH_AT", "nowhere"), ("SIGIL_BIN", Bare.Binaries));

        var result = await Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), ["drift", "--repo", Bare.Path], Bare.Path, environment);

        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Test]
    public async Task A_bad_timeout_says_the_range_as_the_documentation_spells_it()
    {
        var environment = Environment.With(("SIGIL_ETCD__TIMEOUTSECONDS", "0"));

        var result = await Processes.RunAsync(Path.Combine(Bare.Binaries, "sigil"), ["drift", "--repo", Bare.Path], Bare.Path, environment);

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe("sigil: error: environment variable SIGIL_ETCD__TIMEOUTSECONDS: must be 1-3600, got '0'");
    }
}
