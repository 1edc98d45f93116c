using SigilGate.Domain.Access;

namespace SigilGate.Domain.Tests.Access;

public class IdentitySourcesSpecs
{
    [TestCase("SIGIL_IDENTITY", "alice")]
    [TestCase("GL_USERNAME", "alice")]
    [TestCase("GITEA_PUSHER_NAME", "alice")]
    [TestCase("GL_USER", "alice")]
    [TestCase("REMOTE_USER", "alice")]
    public void The_identity_comes_from_any_known_variable(string variable, string value) =>
        IdentitySources.Resolve(new Dictionary<string, string?> { [variable] = value }, "SIGIL_IDENTITY").ShouldBe(value);

    [Test]
    public void The_configured_variable_wins_over_the_git_servers_ones() =>
        IdentitySources.Resolve(new Dictionary<string, string?> { ["GL_USERNAME"] = "gitlab", ["PUSHER"] = "mine" }, "PUSHER").ShouldBe("mine");

    [Test]
    public void GitLab_wins_over_HTTP_authentication() =>
        IdentitySources.Resolve(new Dictionary<string, string?> { ["REMOTE_USER"] = "http", ["GL_USERNAME"] = "gitlab" }, "SIGIL_IDENTITY").ShouldBe("gitlab");

    [Test]
    public void Empty_or_missing_variables_give_no_identity() =>
        IdentitySources.Resolve(new Dictionary<string, string?> { ["SIGIL_IDENTITY"] = " " }, "SIGIL_IDENTITY").ShouldBeNull();
}
