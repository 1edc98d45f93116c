using System.Diagnostics;

namespace SigilGate.Testing;

/// <summary>Kills the servers a test run started (etcd, sshd, nginx, fcgiwrap) if the run ends without disposing them.</summary>
internal static class ProcessReaper
{
    private static readonly List<Process> Processes = [];

    static ProcessReaper() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Track(Process process)
    {
        lock (Processes)
        {
            Processes.RemoveAll(p => p.HasExited);
            Processes.Add(process);
        }
    }

    private static void KillAll()
    {
        lock (Processes)
        {
            foreach (var process in Processes.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
