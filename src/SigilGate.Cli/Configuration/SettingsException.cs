using SigilGate.Workflows.Failures;

namespace SigilGate.Cli.Configuration;

/// <summary>A configuration file or variable is malformed or holds a bad value; the message names it and the key.</summary>
public sealed class SettingsException(string message, Exception? inner = null) : ExpectedFailureException(FailureKind.Settings, message, inner);
