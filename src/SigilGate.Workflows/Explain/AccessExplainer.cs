using SigilGate.Domain.Access;
using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Records;
using SigilGate.Domain.Validation;
using SigilGate.Workflows.Ports;

namespace SigilGate.Workflows.Explain;

/// <summary>
/// <c>sigil explain</c>: what pre-receive would decide for an identity and some paths, read from the
/// same files of the branch's current tip and decided by the same <see cref="AccessRules"/>.
/// </summary>
public sealed class AccessExplainer(IRepositoryReader repository, string branch)
{
    /// <summary>The decisions for <paramref name="paths"/>, which <see cref="RefusedPaths"/> found none wrong with.</summary>
    /// <exception cref="NoPolicyException">No such branch, or no valid <c>sigil.yaml</c> at its tip.</exception>
    public AccessExplanation Explain(string identity, IReadOnlyList<string> paths)
    {
        var tip = repository.BranchTip(branch) ?? throw new NoPolicyException($"branch {branch} does not exist in the repository (nothing pushed yet: only identity {AccessRules.BootstrapIdentity} may make the first push)");
        var files = repository.Files(tip, AccessRules.RoleFiles(identity));
        var policyFile = files.Find(RecordPath.PolicyFile) ?? throw new NoPolicyException($"no {RecordPath.PolicyFile} at the tip of {branch} ({tip[..7]}): only identity {AccessRules.BootstrapIdentity} may push");
        var (policy, diagnostics) = PolicyReader.Read(policyFile);
        if (policy is null)
        {
            var first = diagnostics.Count > 0 ? $": {diagnostics[0]}" : "";
            throw new NoPolicyException($"{RecordPath.PolicyFile} at the tip of {branch} ({tip[..7]}) does not validate{first}: only identity {AccessRules.BootstrapIdentity} may push");
        }

        var role = AccessRules.RoleOf(identity, policy, files);
        var decisions = paths.Select(path => AccessRules.Decide(identity, role, AskedPath.Normalize(path))).ToList();
        return new AccessExplanation(branch, tip, identity, role, decisions, PolicyLines.Read(policyFile));
    }

    /// <summary>Each path no push can contain, with why: <c>sigil explain</c> answers none of them.</summary>
    public static IReadOnlyList<Diagnostic> RefusedPaths(IEnumerable<string> paths) =>
        [.. paths.Select(path => AskedPath.Problem(AskedPath.Normalize(path)) is { } problem ? Diagnostic.InFile(path, problem) : null).OfType<Diagnostic>()];
}
