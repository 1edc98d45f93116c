using SigilGate.Domain.Access;
using SigilGate.Domain.Configuration;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Git;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;
using SigilGate.Domain.Yaml;
using SigilGate.Workflows.Handover;
using SigilGate.Workflows.Ports;
using SigilGate.Domain.Gate;

namespace SigilGate.Workflows.Gate;

/// <summary>
/// pre-receive's decision: refs, identity, policy (read at the branch's current tip), every commit
/// of the push, and the resulting tree. Collects every problem rather than stopping at the first.
/// </summary>
/// <param name="nodeIndexes">Where the index of the nodes is kept between pushes; without one it is rebuilt from the tip for each push.</param>
/// <param name="handover">Where what an accepted update changes is left for post-receive (<see cref="ReceivedChanges"/>); without one nothing is.</param>
public sealed class ReceiveGate(IRepositoryReader repository, SigilSettings settings, INodeIndexStore? nodeIndexes = null, IReceivedChangesStore? handover = null)
{
    private readonly NodeIndexKeeper _nodes = new(repository, nodeIndexes ?? NodeIndexKeeper.NoStore);

    public GateVerdict Check(ReceivedPush push)
    {
        var errors = new List<Diagnostic>();
        var notices = new List<string>();

        // The branches of a repository that lacks the protected branch (none when it has it), read only for a push to another branch.
        var withoutProtected = new Lazy<IReadOnlyList<string>>(() => repository.BranchTip(settings.Branch) is null ? repository.BranchNames() : []);

        // 'git push -o sigil.dryrun' would otherwise be a real push: a mistyped option rejects the push.
        foreach (var option in push.UnknownOptions)
        {
            errors.Add(Diagnostic.General($"unknown push option {MessageText.Quote(option)} (known: {string.Join(", ", ReceivedPush.KnownOptions)})"));
        }

        foreach (var update in push.Updates)
        {
            if (update.RefName == ReceiptNotes.RefName)
            {
                errors.Add(Diagnostic.InFile(update.RefName, ReceiptNotes.Refusal));
                continue;
            }

            if (!update.IsBranch(settings.Branch))
            {
                if (ProtectedBranchMissing(update, withoutProtected) is { } warning) notices.Add(warning);
                if (settings.OtherRefs == OtherRefsMode.Deny)
                {
                    errors.Add(Diagnostic.InFile(update.RefName, $"only refs/heads/{settings.Branch} may be pushed to this repository"));
                }

                continue;
            }

            try
            {
                errors.AddRange(CheckProtected(update, push.Identity));
            }
            catch (UnreadableCommitException unreadable)
            {
                // Nothing of a push can be checked past a commit that cannot be read, and git would keep it forever.
                errors.Add(Diagnostic.InFile(update.RefName, $"{unreadable.Message} ({CommitIdentity.Advice})"));
            }
        }

        _nodes.Keep(accepted: errors.Count == 0 && !push.IsDryRun);
        if (errors.Count == 0 && !push.IsDryRun) HandOver(push);
        var hints = errors.Any(e => e.Message.StartsWith("conflict: ", StringComparison.Ordinal)) ? new[] { RebaseHint.Text } : [];
        return new GateVerdict(errors, notices, hints);
    }

    /// <summary>
    /// A warning for a branch pushed while the protected branch does not exist in a repository that
    /// has branches: most likely <c>Sigil:Branch</c> is misspelt, and then no push is checked. Not a
    /// rejection: other branches are accepted by the contract, and before the protected branch's
    /// first push its absence is expected.
    /// </summary>
    /// <param name="withoutProtected">The repository's branches when it lacks the protected branch, else none.</param>
    private string? ProtectedBranchMissing(RefUpdate update, Lazy<IReadOnlyList<string>> withoutProtected)
    {
        if (!update.RefName.StartsWith(RefUpdate.BranchPrefix, StringComparison.Ordinal)) return null;
        var branches = withoutProtected.Value;
        if (branches.Count == 0) return null;
        var hint = NearestName.Find(settings.Branch, branches) is { } nearest ? $"; did you mean {nearest}?" : "";
        return $"warning: {update.RefName} is not checked: the protected branch {settings.Branch} (Sigil:Branch) does not exist in this repository; its branches are {string.Join(", ", branches)}{hint}";
    }

    /// <summary>
    /// Leaves post-receive what this accepted push changes on the protected branch: the update it
    /// applies (the first one, as post-receive picks it) when it has an old commit. The diff and the
    /// files are those the checks read already. A failure only means post-receive reads them itself.
    /// </summary>
    private void HandOver(ReceivedPush push)
    {
        if (handover is null) return;
        var update = push.Updates.FirstOrDefault(u => u.IsBranch(settings.Branch) && !u.IsDelete);
        if (update?.Old is not { } old) return;
        try
        {
            handover.Save(ReceivedChanges.Of(repository, old, update.NewSha));
        }
        catch (Exception e) when (e is GitReadException or UnreadableCommitException)
        {
            // Nothing is left: post-receive diffs the update itself, as without a handover.
        }
    }

    private List<Diagnostic> CheckProtected(RefUpdate update, string? identity)
    {
        if (update.IsDelete) return [Diagnostic.InFile(update.RefName, "deleting the protected branch is not allowed")];
        if (update.Old is { } old && !repository.IsAncestor(old, update.NewSha))
        {
            return [Diagnostic.InFile(update.RefName, $"force push rejected: {old[..7]} is not an ancestor of {update.NewSha[..7]} (pull, rebase, and push again)")];
        }

        if (identity is null)
        {
            return [Diagnostic.General($"no identity: set {settings.IdentityVariable} (or {string.Join(", ", IdentitySources.ServerVariables)})")];
        }

        var errors = new List<Diagnostic>();

        // A first push is read whole; on top of an accepted tip the pushed tree is only asked about.
        var tip = update.Old;
        var pushed = tip is null ? null : new CommitTree(repository, update.NewSha);
        var newTree = pushed is null ? repository.Snapshot(update.NewSha) : null;
        var access = Authorize(update, identity, (ITreeLookup?)pushed ?? newTree!, errors);
        if (access is { } role)
        {
            errors.AddRange(CheckCommits(update, identity, role));
            if (role == Role.CoreNode && tip is not null) errors.AddRange(StaleVersionCheck.Check(repository, tip, update.NewSha, pushed));
        }

        var validation = newTree is not null ? TreeValidator.Validate(newTree) : ValidateChanges(tip!, pushed!);
        if (newTree is not null) _nodes.Read(update.NewSha, validation.Nodes);
        errors.AddRange(validation.Diagnostics);
        return errors;
    }

    /// <summary>
    /// Validates a tree pushed on top of an accepted tip by what it changes (<see cref="ChangeValidation"/>),
    /// with the pushed tree's node index brought from the tip's. A problem already at the tip is not
    /// the pusher's to fix.
    /// </summary>
    private ValidationResult ValidateChanges(string tip, CommitTree pushed)
    {
        var changed = repository.ChangedPaths(tip, pushed.Sha);
        return ChangeValidation.Validate(changed, repository.AddedPaths(tip, pushed.Sha), pushed, pushed.Files, read => _nodes.Pushed(tip, pushed.Sha, changed, read.Nodes));
    }

    /// <summary>The identity's role at the current tip, or null (with the reason added) when it may not push at all.</summary>
    private Role? Authorize(RefUpdate update, string identity, ITreeLookup newTree, List<Diagnostic> errors)
    {
        var tip = update.Old is null ? TreeSnapshot.Empty : repository.Files(update.Old, AccessRules.RoleFiles(identity));
        var policy = ReadPolicy(tip);
        if (policy is null)
        {
            // Empty repository (or no usable policy at the tip): only the bootstrap identity may push, and it must bring a policy.
            if (identity != AccessRules.BootstrapIdentity)
            {
                errors.Add(Diagnostic.General(update.Old is null
                    ? $"identity {identity} may not make the first push: the first push must come from identity {AccessRules.BootstrapIdentity}"
                    : $"identity {identity} may not push: {RecordPath.PolicyFile} at the tip is missing or invalid, only identity {AccessRules.BootstrapIdentity} may repair it"));
                return null;
            }

            if (!newTree.Contains(RecordPath.PolicyFile))
            {
                errors.Add(Diagnostic.InFile(RecordPath.PolicyFile, "the first push must contain sigil.yaml (roots and operators)"));
            }

            return Role.Root;
        }

        var role = AccessRules.RoleOf(identity, policy, tip);
        if (role == Role.None)
        {
            errors.Add(Diagnostic.General($"identity {identity} may not push to {settings.Branch}: not a root or operator in {RecordPath.PolicyFile}, and not a Core node"));
            return null;
        }

        return role;
    }

    private static Policy? ReadPolicy(TreeSnapshot tip)
    {
        var file = tip.Find(RecordPath.PolicyFile);
        return file is null ? null : PolicyReader.Read(file).Policy;
    }

    /// <summary>
    /// No push may change a path its identity may not change: not in the branch's net result (the
    /// tip's tree against the pushed one), and not in any commit it adds (see <see cref="CommitPaths"/>),
    /// whatever the shape of the history. The net result alone would let history carry a change
    /// that a later commit undoes; the commits alone would miss a merge that takes an old version
    /// of a path from an old commit of the branch.
    /// </summary>
    private IEnumerable<Diagnostic> CheckCommits(RefUpdate update, string identity, Role role)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var commit in repository.CommitsBetween(update.Old, update.NewSha))
        {
            if (CommitIdentity.Problem(commit) is { } problem) yield return Diagnostic.InFile(update.RefName, problem);
            foreach (var diagnostic in ResolutionTrailers.Check(commit, identity, role)) yield return diagnostic;

            // A root may change anything: its commits' paths need not be read.
            if (role == Role.Root) continue;
            foreach (var path in CommitPaths.Of(repository, commit))
            {
                if (AccessRules.Decide(identity, role, path).Denial is { } denial && reported.Add(path))
                {
                    yield return Diagnostic.InFile(path, denial);
                }
            }
        }

        var net = role == Role.Root ? [] : repository.ChangedPaths(update.Old, update.NewSha);
        foreach (var path in net)
        {
            if (AccessRules.Decide(identity, role, path).Denial is { } denial && reported.Add(path)) yield return Diagnostic.InFile(path, denial);
        }
    }
}
