namespace SigilGate.Cli.Commands;

/// <summary>Usage texts, one per executable.</summary>
public static class HelpText
{
    public const string PreReceive = """
        usage: pre-receive   (installed as BARE/hooks/pre-receive; git runs it)

        Reads '<old> <new> <ref>' lines on standard input. For the protected branch it checks the
        pusher's identity against sigil.yaml at the branch's current tip, every commit of the push,
        and the resulting tree (syntax, schema, references, unique addresses). Force pushes and
        deletion of the protected branch are rejected. 'git push -o sigil.dry-run' prints the etcd
        operations the push would cause and rejects it.

        Identity: $SIGIL_IDENTITY (configurable), else GL_USERNAME, GITEA_PUSHER_NAME, GL_USER, REMOTE_USER.
        Configuration: /etc/sigil/sigil.json, BARE/sigil.json, SIGIL_<SECTION>__<KEY>.
        --version prints 'pre-receive <version>+<commit>' on standard output.
        Exit: 0 accept, 1 reject.
        """;

    public const string PostReceive = """
        usage: post-receive   (installed as BARE/hooks/post-receive; git runs it)

        Applies the accepted commits of the protected branch to etcd (exact-key puts and deletes,
        one transaction per commit when it fits) and records a receipt in refs/notes/sigil. Never
        blocks the push: if etcd is unreachable the work stays pending for the next push or
        'sigil apply --repo BARE'.
        --version prints 'post-receive <version>+<commit>' on standard output.
        Exit: 0.
        """;

    public const string PreCommit = """
        usage: pre-commit   (installed into a clone by install/install-client.sh)

        Validates the staged tree with the same rules and messages as the server.
        --version prints 'pre-commit <version>+<commit>' on standard output.
        Exit: 0 valid, 1 invalid.
        """;

    public const string Sigil = """
        usage: sigil <command> [options]

        commands:
          validate [DIR]                       validate a checkout (default: current directory); exit 0 valid, 1 invalid, 2 error
          apply --repo BARE [--json]           apply pending commits to etcd (cron catch-up); exit 0 done, 2 error
          reconcile --repo BARE [--dry-run] [--force] [--allow-mass-delete] [--json]
                                               make etcd equal to the branch tip, keeping what it overwrites; exit 0 done, 2 error
          drift --repo BARE [--json] [--metrics-file F]
                                               list differences between etcd and the branch tip; exit 0 in sync, 1 drift, 2 error
          status --repo BARE [--json]          tip, applied commit, pending, etcd health, drift, kept conflicts, last mirrors; exit 0 all applied and clean, 1 needs attention, 2 error
          conflicts list --repo BARE [--json]  list kept conflict losers by area, with age; exit 0 none, 1 some, 2 error
          conflicts show --repo BARE PATH      both versions of a record's kept conflicts and a diff; exit 0, 2 error
          conflicts resolve --repo BARE PATH (--keep-winner | --take-loser)
                                               decide about a record's kept losers: a commit through the hooks; exit 0, 2 error
          explain --repo BARE --identity ID PATH...
                                               per path, whether the identity may change it and the rule of sigil.yaml that decided; exit 0 all allowed, 1 some denied, 2 error
          push --node ID --workdir CLONE [--dry-run] [--json] [--metrics-file F]
                                               mirror a Core node's area of etcd into Git (cron); exit 0 pushed or nothing to do, 1 gave up, 2 error
          version                              print 'sigil <version>+<commit>' (as sigil --version); exit 0

        Every command takes --help and --version. Configuration: /etc/sigil/sigil.json, sigil.json in the
        repository (or --workdir), then SIGIL_<SECTION>__<KEY> environment variables.
        """;

    public static bool Requested(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");
}
