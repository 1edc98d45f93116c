using System.Globalization;

namespace SigilGate.Testing;

/// <summary>Numbers the long tests take from the environment (a seed, a length): absent is null, anything else must be right.</summary>
public static class TestVariables
{
    /// <summary>A whole number &gt;= 0, or null when <paramref name="variable"/> is unset or blank.</summary>
    public static int? WholeNumber(string variable) =>
        Read<int>(variable, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null, "a whole number >= 0");

    /// <summary>A number &gt;= 0, or null when <paramref name="variable"/> is unset or blank.</summary>
    public static double? Number(string variable) =>
        Read<double>(variable, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null, "a number >= 0");

    private static T? Read<T>(string variable, Func<string, T?> parse, string expected)
        where T : struct
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return parse(text) ?? throw new ArgumentException($"{variable}={text}: expected {expected}");
    }
}
