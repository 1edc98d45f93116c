namespace SigilGate.Domain.Validation;

/// <summary>The value shapes records use. JSON gets strings, booleans and arrays of strings.</summary>
internal enum FieldType
{
    /// <summary>Any plain or quoted scalar except null: <c>region: 12</c> is the string "12".</summary>
    String,

    /// <summary>Exactly the plain scalars <c>true</c> and <c>false</c>; YAML 1.1's yes/no/on/off are not booleans here.</summary>
    Boolean,

    /// <summary>A list of strings; each item passes the field's check.</summary>
    StringList,

    /// <summary>A mapping of writer id to a positive whole number (a version vector).</summary>
    Counters,
}
