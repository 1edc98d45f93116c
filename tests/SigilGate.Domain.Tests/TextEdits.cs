namespace SigilGate.Domain.Tests;

/// <summary>Texts a few random edits away from a good one: what a hand, a tool or a cut write makes of a value.</summary>
internal static class TextEdits
{
    /// <summary><paramref name="text"/> with 1 to <paramref name="mostEdits"/> characters removed, inserted or replaced by one of <paramref name="pieces"/>.</summary>
    public static string Edited(Random random, string text, string pieces, int mostEdits)
    {
        for (var edits = random.Next(1, mostEdits + 1); edits > 0; edits--)
        {
            var at = random.Next(text.Length);
            var piece = pieces[random.Next(pieces.Length)].ToString();
            text = random.Next(3) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, piece),
                _ => text.Remove(at, 1).Insert(at, piece),
            };
        }

        return text;
    }
}
