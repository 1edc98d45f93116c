namespace SigilGate.Testing.Servers;

/// <summary>
/// sshd will not start without its privilege separation folder, /run/sshd (compiled in; Debian's
/// service makes it at start, and a machine where that service never ran has none). Made when
/// missing and removed again when the last sshd of this test run that needed it stops, unless
/// some other sshd runs by then.
/// </summary>
internal static class SshPrivilegeSeparation
{
    private const string Folder = "/run/sshd";
    private static readonly object Gate = new();
    private static int users;
    private static bool created;

    public static void Acquire()
    {
        lock (Gate)
        {
            if (users++ == 0 && !Directory.Exists(Folder))
            {
                Directory.CreateDirectory(Folder);
                UnixUser.OpenToAll(Folder);
                created = true;
            }
        }
    }

    public static void Release()
    {
        lock (Gate)
        {
            if (--users > 0 || !created) return;
            created = false;

            // Another sshd (another test run, or the machine's own started meanwhile) still needs it.
            // The sessions of a stopped sshd end on their own a moment later: give them that moment.
            if (!NoSshdWithin(TimeSpan.FromSeconds(3))) return;
            try
            {
                Directory.Delete(Folder);
            }
            catch (IOException)
            {
                // Someone else put something there meanwhile: theirs now.
            }
        }
    }

    private static bool NoSshdWithin(TimeSpan wait)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var running = System.Diagnostics.Process.GetProcessesByName("sshd");
            foreach (var process in running) process.Dispose();
            if (running.Length == 0) return true;
            if (watch.Elapsed > wait) return false;
            Thread.Sleep(50);
        }
    }
}
