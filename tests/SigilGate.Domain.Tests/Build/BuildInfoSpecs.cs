using System.Text;
using SigilGate.Domain.Build;

namespace SigilGate.Domain.Tests.Build;

public class BuildInfoSpecs
{
    [Test]
    public void The_informational_version_gives_the_version_and_the_commit()
    {
        BuildInfo.Parse("0.1.0+04264fd").ShouldBe(new BuildInfo("0.1.0", "04264fd"));
    }

    [Test]
    public void A_build_from_a_changed_checkout_keeps_its_dirty_mark()
    {
        BuildInfo.Parse("0.1.0+04264fd-dirty").ShouldBe(new BuildInfo("0.1.0", "04264fd-dirty"));
    }

    [Test]
    public void Source_links_full_commit_id_is_shortened_to_seven_digits()
    {
        BuildInfo.Parse("0.1.0+d7c558e1ef6a1f58422057da412189ade141cec5").Commit.ShouldBe("d7c558e");
    }

    [TestCase("0.1.0")]
    [TestCase("0.1.0+")]
    public void A_build_without_a_commit_says_unknown(string informational)
    {
        BuildInfo.Parse(informational).ShouldBe(new BuildInfo("0.1.0", "unknown"));
    }

    [Test]
    public void An_assembly_without_an_informational_version_still_has_a_line()
    {
        BuildInfo.Parse(null).Line("sigil").ShouldBe("sigil 0.0.0+unknown");
    }

    [Test]
    public void The_version_line_is_the_executable_then_version_plus_commit()
    {
        new BuildInfo("0.1.0", "04264fd").Line("pre-receive").ShouldBe("pre-receive 0.1.0+04264fd");
    }

    [Test]
    public void The_build_info_metric_has_its_help_and_type_and_one_sample_of_1()
    {
        var text = new StringBuilder();
        BuildInfoMetric.AppendTo(text, new BuildInfo("0.1.0", "04264fd-dirty"));

        text.ToString().ShouldBe("""
            # HELP sigil_build_info The version and commit of the sigil that wrote this file; always 1.
            # TYPE sigil_build_info gauge
            sigil_build_info{version="0.1.0",commit="04264fd-dirty"} 1

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Test]
    public void Label_values_are_escaped_as_the_exposition_format_wants()
    {
        var text = new StringBuilder();
        BuildInfoMetric.AppendTo(text, new BuildInfo("1\"2", "a\\b\nc"));

        text.ToString().ShouldEndWith("sigil_build_info{version=\"1\\\"2\",commit=\"a\\\\b\\nc\"} 1\n");
    }
}
