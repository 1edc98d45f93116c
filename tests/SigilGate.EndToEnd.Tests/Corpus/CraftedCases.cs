namespace SigilGate.EndToEnd.Tests.Corpus;

/// <summary>Cases that cannot be plain files in tests/corpus: generated sizes, crafted trees and commits, ref updates.</summary>
public static class CraftedCases
{
    public static IEnumerable<HostileCase> All() =>
        GeneratedCases.All()
            .Concat(TreeEntryCases.All())
            .Concat(CommitCases.All())
            .Concat(RefCases.All());

    /// <summary>The summary line for <paramref name="errors"/> errors.</summary>
    public static string Rejected(int errors) => $"{HostileCase.PushSummary}{errors} error{(errors == 1 ? "" : "s")}";
}
