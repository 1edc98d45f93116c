using SigilGate.Domain.Diagnostics;

namespace SigilGate.Domain.Tests.Diagnostics;

public class NearestNameSpecs
{
    private static readonly string[] Options = ["--repo", "--json", "--metrics-file", "--dry-run", "--force", "--allow-mass-delete", "--help"];

    [TestCase("--rpo", "--repo")]
    [TestCase("--dryrun", "--dry-run")]
    [TestCase("--jsno", "--json")]
    [TestCase("--JSON", "--json")]
    [TestCase("--metrics", "--metrics-file")]
    [TestCase("--allow-mass-deletes", "--allow-mass-delete")]
    [TestCase("--hlep", "--help")]
    public void A_typo_is_matched_to_the_option_it_most_likely_meant(string typed, string expected) =>
        NearestName.Find(typed, Options).ShouldBe(expected);

    [TestCase("--x")]
    [TestCase("--bogus")]
    [TestCase("--verbose")]
    [TestCase("-v")]
    public void A_name_far_from_every_known_one_gets_no_suggestion(string typed) =>
        NearestName.Find(typed, Options).ShouldBeNull();

    [TestCase("SIGIL_ETCD__ENDPOINT", "SIGIL_ETCD__ENDPOINTS")]
    [TestCase("SIGIL_ETCD_ENDPOINTS", "SIGIL_ETCD__ENDPOINTS")]
    [TestCase("SIGIL_ETCD__TIMEOUT_SECONDS", "SIGIL_ETCD__TIMEOUTSECONDS")]
    public void A_misspelt_variable_is_matched_to_its_setting(string typed, string expected) =>
        NearestName.Find(typed, ["SIGIL_ETCD__ENDPOINTS", "SIGIL_ETCD__TIMEOUTSECONDS", "SIGIL_SIGIL__BRANCH"]).ShouldBe(expected);

    [TestCase("abc", "abc", 0)]
    [TestCase("abc", "ABC", 0)]
    [TestCase("abc", "acb", 1)]
    [TestCase("abc", "ab", 1)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("", "abc", 3)]
    public void The_distance_counts_inserts_deletes_replacements_and_swaps(string first, string second, int expected) =>
        NearestName.Distance(first, second).ShouldBe(expected);

    [Test]
    public void Of_two_equally_near_names_the_first_known_one_is_offered() =>
        NearestName.Find("--repa", ["--repo", "--reps"]).ShouldBe("--repo");
}
