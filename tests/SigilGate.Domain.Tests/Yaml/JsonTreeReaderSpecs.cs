using SigilGate.Domain.Diagnostics;
using SigilGate.Domain.Yaml;

namespace SigilGate.Domain.Tests.Yaml;

public class JsonTreeReaderSpecs
{
    [Test]
    public void Json_values_become_the_scalars_yaml_would_give()
    {
        var root = JsonTreeReader.Read("k", """{"s":"true","b":true,"n":null,"i":12,"l":["x"]}""").Root.ShouldNotBeNull();

        var scalars = root.Entries.Take(4).Select(e => e.Value).Cast<YamlScalar>().Select(s => (s.Value, s.IsPlain, s.IsNull)).ToList();
        scalars.ShouldBe([("true", false, false), ("true", true, false), ("null", true, true), ("12", true, false)]);
        root.Entries[4].Value.ShouldBeOfType<YamlSequence>().Items.Count.ShouldBe(1);
    }

    [Test]
    public void Positions_follow_lines_of_pretty_printed_json()
    {
        var root = JsonTreeReader.Read("k", "{\n  \"a\": 1,\n  \"b\": [2]\n}").Root.ShouldNotBeNull();

        root.Entries.Select(e => (e.Key.Start, e.Value.Start)).ShouldBe([(new Mark(2, 3), new Mark(2, 8)), (new Mark(3, 3), new Mark(3, 8))]);
    }
}
