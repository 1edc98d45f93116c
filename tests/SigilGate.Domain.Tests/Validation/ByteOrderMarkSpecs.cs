using System.Text;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>
/// A UTF-8 byte order mark at the start of a file is allowed and ignored (editors on Windows write
/// one): what is stored and compared downstream, the record's JSON and its hash, must not see it.
/// </summary>
public class ByteOrderMarkSpecs
{
    private const string Entry = "id: e-7\ncore: core-1\naddress: 10.0.0.7:443\n";
    private static readonly byte[] Mark = [0xEF, 0xBB, 0xBF];

    [Test]
    public void A_record_with_a_byte_order_mark_is_stored_as_the_same_json_with_the_same_hash()
    {
        var plain = TreeValidator.Validate(ExampleTree.With(("nodes/entry/e-7.yaml", Entry)));
        var marked = TreeValidator.Validate(ExampleTree.WithFile(ExampleTree.Bytes("nodes/entry/e-7.yaml", [.. Mark, .. Encoding.UTF8.GetBytes(Entry)])));

        marked.Diagnostics.ShouldBeEmpty();
        marked.Records["nodes/entry/e-7.yaml"].Json.ShouldBe(plain.Records["nodes/entry/e-7.yaml"].Json);
        marked.Records["nodes/entry/e-7.yaml"].Sha256.ShouldBe(plain.Records["nodes/entry/e-7.yaml"].Sha256);
    }

    [Test]
    public void The_policy_with_a_byte_order_mark_is_read_as_without()
    {
        var policy = ExampleTree.Files["sigil.yaml"];
        var tree = ExampleTree.WithFile(ExampleTree.Bytes("sigil.yaml", [.. Mark, .. Encoding.UTF8.GetBytes(policy)]));

        TreeValidator.Validate(tree).Diagnostics.ShouldBeEmpty();
    }

    [Test]
    public void A_byte_order_mark_after_the_start_is_a_character_and_is_refused_where_it_lands()
    {
        var tree = ExampleTree.WithFile(ExampleTree.Bytes("nodes/entry/e-7.yaml", [.. Encoding.UTF8.GetBytes("id: e-7\ncore: core-1\n"), .. Mark, .. Encoding.UTF8.GetBytes("address: 10.0.0.7:443\n")]));

        ExampleTree.Problems(tree).ShouldBe(
        [
            "nodes/entry/e-7.yaml:1:1: missing required field 'address'",
            "nodes/entry/e-7.yaml:3:1: unknown field '\\ufeffaddress'",
        ]);
    }
}
