using System.Text;
using SigilGate.Domain.Records;
using SigilGate.Domain.Trees;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>Whatever a push contains, validation answers with diagnostics and never with an exception.</summary>
public class RobustnessSpecs
{
    private const string Alphabet = "-:[]{}?,&*!|>'\"%@`#\n\r\t \\abc019.~\u00e9\u2028\uFEFF\u0085";

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Mangled_files_never_make_validation_throw(int seed)
    {
        var random = new Random(seed);
        var originals = ExampleTree.Files.Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
        for (var round = 0; round < 1500; round++)
        {
            var (path, text) = originals[random.Next(originals.Count)];
            var mangled = Mangle(text, random);

            var tree = ExampleTree.WithFile(TreeFile.FromBytes(path, mangled));
            Should.NotThrow(() => TreeValidator.Validate(tree), $"{path}: {Convert.ToBase64String(mangled)}");
            Should.NotThrow(() => RecordJson.Parse(RecordPath.Parse(path), Encoding.UTF8.GetString(mangled)));
        }
    }

    [TestCase("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [TestCase("a: &a [*a, *a]\nb: *a\n")]
    [TestCase("? ? ? ? ? ? ? ? a\n")]
    [TestCase("!<tag:yaml.org,2002:map> {}\n")]
    [TestCase("%TAG ! tag:example.com,2000:\n--- !x\na: 1\n")]
    [TestCase("a: 'unterminated\n")]
    [TestCase("\"\\xZZ\": 1\n")]
    public void Hostile_yaml_is_reported_not_thrown(string text)
    {
        var result = TreeValidator.Validate(ExampleTree.With(("nodes/entry/e-7.yaml", text)));

        result.IsValid.ShouldBeFalse();
        result.Diagnostics.ShouldAllBe(d => d.Path == "nodes/entry/e-7.yaml" || d.Path == "state/core-1/entries/e-7.yaml");
    }

    private static byte[] Mangle(string text, Random random)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Alphabet[random.Next(Alphabet.Length)].ToString()));
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveAt(Math.Min(at, bytes.Count - 1));
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    var from = random.Next(bytes.Count);
                    bytes.InsertRange(at, bytes.Skip(from).Take(random.Next(1, 12)).ToList());
                    break;
            }
        }

        return [.. bytes];
    }
}
