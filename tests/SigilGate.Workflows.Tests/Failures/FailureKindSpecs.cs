using SigilGate.Workflows.Failures;

namespace SigilGate.Workflows.Tests.Failures;

/// <summary>Which exceptions are expected failures, of which kind, and which are defects.</summary>
public class FailureKindSpecs
{
    [TestCase("argument", FailureKind.BadArguments)]
    [TestCase("settings", FailureKind.Settings)]
    [TestCase("unavailable", FailureKind.StoreUnavailable)]
    [TestCase("compacted", FailureKind.Store)]
    [TestCase("store", FailureKind.Store)]
    [TestCase("bookkeeping", FailureKind.BookkeepingDamaged)]
    [TestCase("unreadable", FailureKind.UnreadableCommit)]
    [TestCase("refused", FailureKind.RemoteRefused)]
    [TestCase("overflow", FailureKind.CounterOverflow)]
    [TestCase("git-read", FailureKind.GitRead)]
    [TestCase("git-write", FailureKind.GitWrite)]
    [TestCase("git-command", FailureKind.GitCommand)]
    [TestCase("io", FailureKind.FileSystem)]
    [TestCase("permission", FailureKind.Permission)]
    [TestCase("state", FailureKind.RepositoryState)]
    [TestCase("defect", FailureKind.Defect)]
    [TestCase("oom", FailureKind.Defect)]
    public void Each_exception_has_one_kind(string example, FailureKind kind) =>
        FailureTable.Kind(Failures.Example(example)).ShouldBe(kind);

    [Test]
    public void Subtypes_of_an_expected_exception_are_expected_too()
    {
        FailureTable.Kind(new FileNotFoundException("gone")).ShouldBe(FailureKind.FileSystem);
        FailureTable.Kind(new ArgumentOutOfRangeException("n", "too big")).ShouldBe(FailureKind.BadArguments);
    }

    [TestCase(CommandName.Apply, false)]
    [TestCase(CommandName.Drift, false)]
    [TestCase(CommandName.PreReceive, false)]
    [TestCase(CommandName.PreCommit, false)]
    [TestCase(CommandName.PostReceive, true)]
    public void Out_of_memory_ends_every_process_but_post_receive_which_never_fails_an_accepted_push(CommandName command, bool caught)
    {
        FailureTable.Catches(command, new OutOfMemoryException()).ShouldBe(caught);
        FailureTable.Catches(command, new NullReferenceException()).ShouldBeTrue();
    }
}
