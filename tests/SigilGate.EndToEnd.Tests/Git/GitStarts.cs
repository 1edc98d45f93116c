namespace SigilGate.EndToEnd.Tests.Git;

/// <summary>Whether code under test starts git, told by git itself: every git started writes its event trace (GIT_TRACE2_EVENT).</summary>
internal static class GitStarts
{
    /// <summary>Runs <paramref name="read"/> with git's event trace sent to a file in <paramref name="folder"/>; true when some git wrote to it.</summary>
    public static bool During(string folder, Action read)
    {
        var trace = Path.Combine(folder, "trace2.json");
        File.Delete(trace);
        var previous = System.Environment.GetEnvironmentVariable("GIT_TRACE2_EVENT");
        System.Environment.SetEnvironmentVariable("GIT_TRACE2_EVENT", trace);
        try
        {
            read();
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("GIT_TRACE2_EVENT", previous);
        }

        return File.Exists(trace);
    }
}
