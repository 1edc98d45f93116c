using SigilGate.Domain.Git;

namespace SigilGate.Domain.Tests.Git;

public class SignatureLineSpecs
{
    [TestCase("Alice <alice@example.net> 1700000000 +0000")]
    [TestCase("Alice <alice@example.net> 1700000000 +1400")]
    [TestCase("Alice <alice@example.net> 1700000000 -1400")]
    [TestCase("Alice <alice@example.net> 1700000000 +0545")]
    [TestCase("Alice <alice@example.net> 1700000000 -0930")]
    [TestCase("<> 0 +0000")]
    [TestCase("A > B <a@b> 1700000000 +0100")]
    public void A_date_git_writes_has_no_problem(string value)
    {
        SignatureLine.Problem("committer", value).ShouldBeNull();
    }

    [TestCase("+1401", "its committer zone '+1401' is beyond ±14:00")]
    [TestCase("+1500", "its committer zone '+1500' is beyond ±14:00")]
    [TestCase("+9999", "its committer zone '+9999' has more than 59 minutes")]
    [TestCase("-9900", "its committer zone '-9900' is beyond ±14:00")]
    [TestCase("-1460", "its committer zone '-1460' has more than 59 minutes")]
    [TestCase("+100", "its committer zone '+100' is not a sign and four digits (+HHMM or -HHMM)")]
    [TestCase("+01000", "its committer zone '+01000' is not a sign and four digits (+HHMM or -HHMM)")]
    [TestCase("0100", "its committer zone '0100' is not a sign and four digits (+HHMM or -HHMM)")]
    [TestCase("+01a0", "its committer zone '+01a0' is not a sign and four digits (+HHMM or -HHMM)")]
    [TestCase("+\u0661\u0660\u0660\u0660", "its committer zone '+\u0661\u0660\u0660\u0660' is not a sign and four digits (+HHMM or -HHMM)")]
    [TestCase("", "its committer zone '' is not a sign and four digits (+HHMM or -HHMM)")]
    public void A_zone_out_of_range_or_malformed_is_named(string zone, string problem)
    {
        SignatureLine.Problem("committer", $"Alice <alice@example.net> 1700000000 {zone}").ShouldBe(problem);
    }

    [Test]
    public void The_author_line_is_named_as_the_author()
    {
        SignatureLine.Problem("author", "a <a@a> 1700000000 -9999").ShouldBe("its author zone '-9999' has more than 59 minutes");
    }

    [TestCase("a <a@a> 1700000000", "its committer line does not end in '<email> SECONDS ZONE' (got ' 1700000000')")]
    [TestCase("a <a@a>", "its committer line does not end in '<email> SECONDS ZONE' (got '')")]
    [TestCase("a <a@a> 1700000000 +0000 extra", "its committer line does not end in '<email> SECONDS ZONE' (got ' 1700000000 +0000 extra')")]
    [TestCase("a <a@a>  1700000000 +0000", "its committer line does not end in '<email> SECONDS ZONE' (got '  1700000000 +0000')")]
    [TestCase("a <a@a> abc +0000", "its committer date 'abc' is not a number of seconds")]
    [TestCase("a <a@a> -86400 +0000", "its committer date '-86400' is before 1970-01-01 (dates must be from 1970 to 9999)")]
    [TestCase("a <a@a> - +0000", "its committer date '-' is not a number of seconds")]
    [TestCase("a <a@a> 17e8 +0000", "its committer date '17e8' is not a number of seconds")]
    [TestCase("a a@a 1700000000 +0000", "its committer line has no <email>")]
    [TestCase("a <a@a> 1700000000 +0000\r", "its committer zone '+0000\\u000d' is not a sign and four digits (+HHMM or -HHMM)")]
    public void A_malformed_line_is_named(string value, string problem)
    {
        SignatureLine.Problem("committer", value).ShouldBe(problem);
    }
}
