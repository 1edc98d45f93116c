using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>One address in another spelling is the same address: compared in one canonical form, or refused when resolvers disagree on it.</summary>
public class AddressCanonicalFormSpecs
{
    [TestCase("10.2.0.1:443", "10.2.0.1:443")]
    [TestCase("10.2.0.1.:443", "10.2.0.1:443")]
    [TestCase("10.2.0.1:0443", "10.2.0.1:443")]
    [TestCase("10.2.0.1:00000443", "10.2.0.1:443")]
    [TestCase("0.0.0.0:1", "0.0.0.0:1")]
    [TestCase("[::ffff:10.2.0.1]:443", "10.2.0.1:443")]
    [TestCase("[::FFFF:0a02:0001]:443", "10.2.0.1:443")]
    [TestCase("[2001:DB8:0:0:0:0:0:2]:443", "[2001:db8::2]:443")]
    [TestCase("[2001:db8:0000::0002]:443", "[2001:db8::2]:443")]
    [TestCase("[::1]:443", "[::1]:443")]
    [TestCase("Edge-7.Example.NET:443", "edge-7.example.net:443")]
    [TestCase("edge-7.example.net.:443", "edge-7.example.net:443")]
    [TestCase("EDGE:443", "edge:443")]
    [TestCase("1e100.net:443", "1e100.net:443")]
    public void An_address_is_compared_in_its_canonical_form(string text, string canonical)
    {
        HostPort.Parse(text, out var address).ShouldBeNull();
        address.Normalized.ShouldBe(canonical);
    }

    [TestCase("010.2.0.1:443", "address host '010.2.0.1' is ambiguous: a number with a leading zero is octal to some resolvers and decimal to others (write '10')")]
    [TestCase("10.02.0.1:443", "address host '10.02.0.1' is ambiguous: a number with a leading zero is octal to some resolvers and decimal to others (write '2')")]
    [TestCase("10.2.0.00:443", "address host '10.2.0.00' is ambiguous: a number with a leading zero is octal to some resolvers and decimal to others (write '0')")]
    [TestCase("10.2.0.1..:443", "address host '10.2.0.1..' has an empty label (two dots in a row, or a leading dot)")]
    [TestCase("10.2.1:443", "address host '10.2.1' is not an IPv4 address in dotted-decimal form (four numbers 0-255, such as 10.0.0.1)")]
    [TestCase("167903233:443", "address host '167903233' is not an IPv4 address in dotted-decimal form (four numbers 0-255, such as 10.0.0.1)")]
    [TestCase("0x0a.2.0.1:443", "address host '0x0a.2.0.1' is not an IPv4 address in dotted-decimal form (four numbers 0-255, such as 10.0.0.1)")]
    [TestCase("10.2.0.0x1:443", "address host '10.2.0.0x1' is not an IPv4 address in dotted-decimal form (four numbers 0-255, such as 10.0.0.1)")]
    [TestCase("edge.10.2.0.1:443", "address host 'edge.10.2.0.1' is not an IPv4 address in dotted-decimal form (four numbers 0-255, such as 10.0.0.1)")]
    [TestCase("edge.0x:443", "address host 'edge.0x' is not an IPv4 address in dotted-decimal form (four numbers 0-255, such as 10.0.0.1)")]
    [TestCase("10.2.0.256:443", "address host '10.2.0.256' is not an IPv4 address: 256 is over 255")]
    [TestCase("10.2.0.1000:443", "address host '10.2.0.1000' is not an IPv4 address: 1000 is over 255")]
    [TestCase("[::ffff:010.2.0.1]:443", "address host '010.2.0.1' is ambiguous: a number with a leading zero is octal to some resolvers and decimal to others (write '10')")]
    [TestCase("..:443", "address host '..' has an empty label (two dots in a row, or a leading dot)")]
    [TestCase(".edge:443", "address host '.edge' has an empty label (two dots in a row, or a leading dot)")]
    [TestCase("edge..example:443", "address host 'edge..example' has an empty label (two dots in a row, or a leading dot)")]
    public void An_ambiguous_or_malformed_host_is_refused_saying_why(string text, string problem)
    {
        HostPort.Problem(text).ShouldBe(problem);
    }

    [TestCase("10.2.0.1:443", "10.2.0.1.:443")]
    [TestCase("10.2.0.1:443", "10.2.0.1:0443")]
    [TestCase("10.2.0.1:443", "[::ffff:10.2.0.1]:443")]
    [TestCase("[2001:db8::3]:443", "[2001:DB8:0:0::3]:443")]
    [TestCase("edge.example:443", "EDGE.example.:00443")]
    public void Two_spellings_of_one_address_are_used_twice(string first, string second)
    {
        var tree = ExampleTree.With(
            ("nodes/entry/e-7.yaml", $"id: e-7\ncore: core-1\naddress: \"{first}\"\n"),
            ("nodes/entry/e-8.yaml", $"id: e-8\ncore: core-1\naddress: \"{second}\"\n"));

        ExampleTree.Problems(tree).ShouldBe([$"nodes/entry/e-8.yaml:3:10: address {second} is also used by nodes/entry/e-7.yaml"]);
    }

    [TestCase("10.2.0.1:443", "10.2.0.10:443")]
    [TestCase("10.2.0.1:443", "10.2.0.1:4430")]
    [TestCase("[::1]:443", "[::ffff:0.0.0.1]:443")]
    [TestCase("edge.example:443", "edge.example.net:443")]
    public void Different_addresses_stay_different(string first, string second)
    {
        var tree = ExampleTree.With(
            ("nodes/entry/e-7.yaml", $"id: e-7\ncore: core-1\naddress: \"{first}\"\n"),
            ("nodes/entry/e-8.yaml", $"id: e-8\ncore: core-1\naddress: \"{second}\"\n"));

        ExampleTree.Problems(tree).ShouldBeEmpty();
    }
}
