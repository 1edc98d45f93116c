namespace SigilGate.Domain.Gate;

/// <summary>
/// The way out the gate prints under a conflicting Core-node push; the mirror also reads it in the
/// remote's answer to tell a lost race (rebase and push again) from a refusal.
/// </summary>
public static class RebaseHint
{
    public const string Text = "hint: run 'git pull --rebase' and push again (sigil push does this for you)";
}
