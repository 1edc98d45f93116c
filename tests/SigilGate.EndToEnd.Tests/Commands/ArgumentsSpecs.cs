using SigilGate.Cli.Commands;

namespace SigilGate.EndToEnd.Tests.Commands;

/// <summary>The command-line parser (in process, no I/O): nothing it does not know is ignored.</summary>
public class ArgumentsSpecs
{
    private static readonly string[] Options = ["--repo", "--metrics-file"];
    private static readonly string[] Flags = ["--json", "--dry-run"];

    private static string Refused(params string[] args) =>
        Should.Throw<ArgumentException>(() => Arguments.Parse(args, Options, Flags)).Message;

    [Test]
    public void Options_flags_and_inline_values_are_read()
    {
        var parsed = Arguments.Parse(["--repo", "/srv/net.git", "--json", "--metrics-file=/tmp/m.prom"], Options, Flags);

        (parsed.Value("--repo"), parsed.Value("--metrics-file"), parsed.Flag("--json"), parsed.Flag("--dry-run")).ShouldBe(("/srv/net.git", "/tmp/m.prom", true, false));
    }

    [TestCase("--rpo", "unknown option --rpo (did you mean --repo?)")]
    [TestCase("--dryrun", "unknown option --dryrun (did you mean --dry-run?)")]
    [TestCase("--jsno=1", "unknown option --jsno (did you mean --json?)")]
    [TestCase("--bogus", "unknown option --bogus (known: --repo, --metrics-file, --json, --dry-run, --help)")]
    [TestCase("-x", "unknown option -x (known: --repo, --metrics-file, --json, --dry-run, --help)")]
    public void An_unknown_option_is_named_with_the_option_most_likely_meant(string arg, string expected) =>
        Refused(arg).ShouldBe(expected);

    [Test]
    public void A_command_without_options_names_only_help() =>
        Should.Throw<ArgumentException>(() => Arguments.Parse(["--x"], [], [])).Message.ShouldBe("unknown option --x (known: --help)");

    [Test]
    public void An_option_where_a_value_is_expected_is_not_taken_as_the_value() =>
        Refused("--repo", "--json").ShouldBe("--repo needs a value, got the option --json (write --repo=--json if that is the value)");

    [Test]
    public void An_inline_value_may_begin_with_dashes() =>
        Arguments.Parse(["--repo=--odd"], Options, Flags).Value("--repo").ShouldBe("--odd");

    [TestCase("--repo")]
    [TestCase("--repo=")]
    [TestCase("--repo", "")]
    public void An_option_without_a_value_is_an_error(params string[] args) =>
        Refused(args).ShouldStartWith("--repo needs a value");

    [Test]
    public void A_value_given_to_a_flag_is_an_error() =>
        Refused("--json=yes").ShouldBe("--json takes no value (got --json=yes)");

    [Test]
    public void An_option_given_twice_is_an_error() =>
        Refused("--repo", "a", "--repo", "b").ShouldBe("--repo is given twice");

    [Test]
    public void A_stray_argument_is_an_error_that_names_it() =>
        Refused("--repo", "a", "b").ShouldBe("unexpected argument b: this command takes options only (see --help)");

    [Test]
    public void Positional_arguments_are_taken_up_to_the_count_and_after_a_double_dash()
    {
        Arguments.Parse(["--", "-dir"], [], [], positional: 1).Positional.ShouldBe(["-dir"]);
        Should.Throw<ArgumentException>(() => Arguments.Parse(["a", "b"], [], [], positional: 1)).Message
            .ShouldBe("unexpected argument b: this command takes at most 1 argument besides its options (see --help)");
    }
}
