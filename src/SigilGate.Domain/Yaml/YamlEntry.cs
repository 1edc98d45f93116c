namespace SigilGate.Domain.Yaml;

/// <summary>One <c>key: value</c> pair of a mapping.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);
