using SigilGate.Domain.Conflicts;
using SigilGate.Domain.Store;

namespace SigilGate.Domain.Tests.Conflicts;

/// <summary>How a commit records a decision about a kept loser: its <c>Sigil-Resolve</c> trailers.</summary>
public class ConflictResolutionSpecs
{
    [Test]
    public void Decisions_are_read_from_the_trailers_with_their_kept_key_and_git_copy()
    {
        var message = "resolve\n\nbody\n\nSigil-Resolve: take-loser state/core-1/entries/e-2.yaml f3c63aafcdaa65d6\nSigil-Resolve: keep-winner nodes/entry/e-7.yaml 0123456789abcdef\nSigil-Decided-By: alice\n";

        var (resolutions, problems) = ConflictResolution.Read(message);

        problems.ShouldBeEmpty();
        resolutions.Select(r => (r.Choice, r.Record.Path, r.LoserId)).ShouldBe(
        [
            (ResolutionChoice.TakeLoser, "state/core-1/entries/e-2.yaml", "f3c63aafcdaa65d6"),
            (ResolutionChoice.KeepWinner, "nodes/entry/e-7.yaml", "0123456789abcdef"),
        ]);
        resolutions[0].KeptKey(new KeyLayout("/sigil")).ShouldBe("/sigil/.sigil/conflicts/state/core-1/entries/e-2/f3c63aafcdaa65d6");
        resolutions[0].GitCopyPath.ShouldBe(".sigil/conflicts/state/core-1/entries/e-2/f3c63aafcdaa65d6.json");
        resolutions[0].TrailerLine.ShouldBe("Sigil-Resolve: take-loser state/core-1/entries/e-2.yaml f3c63aafcdaa65d6");
    }

    [TestCase("Sigil-Resolve: drop state/core-1/entries/e-2.yaml f3c63aafcdaa65d6")]
    [TestCase("Sigil-Resolve: keep-winner sigil.yaml f3c63aafcdaa65d6")]
    [TestCase("Sigil-Resolve: keep-winner README.md f3c63aafcdaa65d6")]
    [TestCase("Sigil-Resolve: keep-winner state/core-1/entries/e-2.yaml F3C63AAFCDAA65D6")]
    [TestCase("Sigil-Resolve: keep-winner state/core-1/entries/e-2.yaml f3c63a")]
    [TestCase("Sigil-Resolve: keep-winner state/core-1/entries/e-2.yaml")]
    [TestCase("Sigil-Resolve: keep-winner state/core-1/entries/e-2.yaml f3c63aafcdaa65d6 extra")]
    public void A_trailer_that_does_not_read_as_a_decision_is_a_problem_never_ignored(string trailer)
    {
        var (resolutions, problems) = ConflictResolution.Read($"subject\n\n{trailer}\n");

        resolutions.ShouldBeEmpty();
        problems.ShouldHaveSingleItem().ShouldContain("is not 'Sigil-Resolve: keep-winner|take-loser <record path> <16 hex digits>'");
    }

    [Test]
    public void A_subject_that_looks_like_a_trailer_decides_nothing()
    {
        ConflictResolution.Read("Sigil-Resolve: keep-winner nodes/entry/e-7.yaml 0123456789abcdef\n").Resolutions.ShouldBeEmpty();
    }
}
