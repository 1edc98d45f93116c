namespace SigilGate.Domain.Tests.Validation;

/// <summary>Files in managed folders must be records, and the message says what the name should be.</summary>
public class PathRuleSpecs
{
    [TestCase("nodes/entry/E_7.yaml", "nodes/entry/E_7.yaml: invalid id 'E_7' in file name: ids must match ^[a-z0-9][a-z0-9-]{0,62}$")]
    [TestCase("nodes/core/-core.yaml", "nodes/core/-core.yaml: invalid id '-core' in file name: ids must match ^[a-z0-9][a-z0-9-]{0,62}$")]
    [TestCase("nodes/entry/e-7.yml", "nodes/entry/e-7.yml: not a record path: record files end in .yaml, not .yml")]
    [TestCase("nodes/e-7.yaml", "nodes/e-7.yaml: not a record path: files under nodes/ must be nodes/core/<id>.yaml or nodes/entry/<id>.yaml")]
    [TestCase("nodes/edge/e-7.yaml", "nodes/edge/e-7.yaml: not a record path: files under nodes/ must be nodes/core/<id>.yaml or nodes/entry/<id>.yaml")]
    [TestCase("state/core-1/e-7.yaml", "state/core-1/e-7.yaml: not a record path: files under state/ must be state/<core-id>/entries/<entry-id>.yaml")]
    [TestCase("state/Core_1/entries/e-7.yaml", "state/Core_1/entries/e-7.yaml: invalid core id 'Core_1' in folder name: ids must match ^[a-z0-9][a-z0-9-]{0,62}$")]
    [TestCase("state/core-1/entries/E7.yaml", "state/core-1/entries/E7.yaml: invalid id 'E7' in file name: ids must match ^[a-z0-9][a-z0-9-]{0,62}$")]
    [TestCase(".sigil/versions/nodes/entry/E_7.yaml", ".sigil/versions/nodes/entry/E_7.yaml: not a version file: .sigil/versions/ holds only the versions of records, at .sigil/versions/<record path>")]
    [TestCase(".sigil/versions/sigil.yaml", ".sigil/versions/sigil.yaml: not a version file: .sigil/versions/ holds only the versions of records, at .sigil/versions/<record path>")]
    [TestCase(".sigil/pending.yaml", ".sigil/pending.yaml: not a record path: .sigil/ is kept by sigil and holds only .sigil/versions/ and .sigil/conflicts/")]
    [TestCase(".sigil/conflicts/state/core-1/entries/e-1/abcd.json", ".sigil/conflicts/state/core-1/entries/e-1/abcd.json: not a kept conflict: .sigil/conflicts/ holds only the losing versions sigil keeps, at .sigil/conflicts/<record path without .yaml>/<16 hex digits>.json")]
    [TestCase(".sigil/conflicts/state/core-1/e-1/0123456789abcdef.json", ".sigil/conflicts/state/core-1/e-1/0123456789abcdef.json: not a kept conflict: .sigil/conflicts/ holds only the losing versions sigil keeps, at .sigil/conflicts/<record path without .yaml>/<16 hex digits>.json")]
    public void A_file_in_a_managed_folder_that_is_not_a_record_is_explained(string path, string expected)
    {
        ExampleTree.Problems(ExampleTree.With((path, "id: x\n"))).ShouldBe([expected]);
    }

    [TestCase("README.md")]
    [TestCase("docs/setup.yaml")]
    [TestCase("nodes/README.md")]
    [TestCase("nodes/entry/notes.md")]
    [TestCase("state/core-1/README")]
    public void Documentation_and_other_files_are_not_records(string path)
    {
        ExampleTree.Problems(ExampleTree.With((path, "- [not valid yaml"))).ShouldBeEmpty();
    }
}
