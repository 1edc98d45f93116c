namespace SigilGate.Testing.Servers;

/// <summary>
/// sshd will not start without its privilege separation folder, /run/sshd (compiled in; Debian's
/// service makes it at start, and a machine where that service never ran has none). Made when
/// missing and removed again when the last sshd of this test run that needed it stops.
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
}
