using SigilGate.Domain.Records;

namespace SigilGate.Domain.Tests.Records;

/// <summary>An id is exactly what the contract's pattern says: the hand-written check and the pattern never disagree.</summary>
public class IdCheckSpecs
{
    [TestCase("e")]
    [TestCase("0")]
    [TestCase("core-1")]
    [TestCase("e-")]
    [TestCase("9-a-b")]
    public void Ids_of_the_pattern_are_taken(string id) => RecordPath.IsValidId(id).ShouldBeTrue();

    [TestCase("")]
    [TestCase("-e")]
    [TestCase("E-1")]
    [TestCase("e_1")]
    [TestCase("e.1")]
    [TestCase("e-1\n")]
    [TestCase("\ne-1")]
    [TestCase("e 1")]
    [TestCase("e-\u0661")]
    [TestCase("\uff45-1")]
    [TestCase("e\u0131")]
    public void Anything_else_is_refused(string id) => RecordPath.IsValidId(id).ShouldBeFalse();

    [Test]
    public void The_longest_id_has_63_characters()
    {
        RecordPath.IsValidId(new string('a', 63)).ShouldBeTrue();
        RecordPath.IsValidId(new string('a', 64)).ShouldBeFalse();
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Generated_texts_are_judged_as_the_pattern_judges_them(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "az09-_A.\n \u0661\u00e9/";
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 70);
            var text = new string([.. Enumerable.Range(0, length).Select(_ => random.Next(8) == 0 ? alphabet[random.Next(alphabet.Length)] : "abcxyz0189-"[random.Next(11)])]);
            var expected = RecordPath.IdPattern().IsMatch(text) && !text.EndsWith('\n');
            RecordPath.IsValidId(text).ShouldBe(expected, $"\"{text}\"");
        }
    }
}
