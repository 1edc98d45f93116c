using System.Text.Json.Serialization;

namespace SigilGate.Domain.Tests.Validation;

/// <summary>Source-generated JSON for tests, as the product code avoids reflection serialization too.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class TestJson : JsonSerializerContext;
