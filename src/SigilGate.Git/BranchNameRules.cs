using LibGit2Sharp;

namespace SigilGate.Git;

/// <summary>
/// Whether a name can be a branch: libgit2's own check of <c>refs/heads/&lt;name&gt;</c>, the rules
/// of <c>git check-ref-format</c> (https://git-scm.com/docs/git-check-ref-format), so that a setting
/// is refused for exactly the names git would refuse to create.
/// </summary>
public static class BranchNameRules
{
    public const string Prefix = "refs/heads/";

    public static bool IsValid(string name)
    {
        LibGit2Setup.Wait();
        return Reference.IsValidName(Prefix + name);
    }
}
