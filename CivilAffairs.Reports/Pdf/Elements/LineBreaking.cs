using System.Text;
using CivilAffairs.Reports.Pdf.Fonts;

namespace CivilAffairs.Reports.Pdf.Elements;

/// <summary>Widths of strings from the font's advance widths (what PDFsharp uses when it draws).</summary>
internal static class TextMeasure
{
    public static float Width(FontMetrics metrics, string text, float size)
    {
        float em = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            em += metrics.Advance(rune.Value);
        }

        return em * size;
    }
}

/// <summary>
/// Where a line may break, for Chinese text mixed with Latin words and numbers (a small subset
/// of UAX #14 and of the Chinese rules 禁则): a break is allowed between any two CJK characters and
/// after spaces; Latin words and numbers such as 13,418.00 stay whole; closing punctuation
/// (，。、；：？！）》」 …) never starts a line and opening punctuation (（《「 …) never ends one.
/// </summary>
internal static class LineBreaking
{
    private const string Closing = "，。、；：？！）》」』】〕〉｝］〗〙”’…—％‰・·｡､,.;:?!)]}%";
    private const string Opening = "（《「『【〔〈｛［〖〘“‘([{";

    public enum CharClass : byte
    {
        Other,
        Space,
        Cjk,
        Closing,
        Opening,
    }

    public static CharClass Classify(char c)
    {
        if (c is ' ' or '\u3000' or '\u00A0')
        {
            // A no-break space still may not start a line, but it is rare enough to treat as a space.
            return CharClass.Space;
        }

        if (Closing.Contains(c, StringComparison.Ordinal))
        {
            return CharClass.Closing;
        }

        if (Opening.Contains(c, StringComparison.Ordinal))
        {
            return CharClass.Opening;
        }

        return IsCjk(c) ? CharClass.Cjk : CharClass.Other;
    }

    /// <summary>Han, kana, Hangul, CJK symbols and full-width forms (surrogate halves: the supplementary ideographs).</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF') or (>= '\uD800' and <= '\uDFFF');

    /// <summary>Whether a line may break between <paramref name="previous"/> and <paramref name="current"/>.</summary>
    public static bool BreakBetween(char previous, char current)
    {
        if (char.IsLowSurrogate(current))
        {
            return false;
        }

        var p = Classify(previous);
        var c = Classify(current);
        if (c == CharClass.Space || c == CharClass.Closing)
        {
            return false;
        }

        if (p == CharClass.Space)
        {
            return true;
        }

        if (p == CharClass.Opening)
        {
            return false;
        }

        if (c == CharClass.Cjk || p == CharClass.Cjk)
        {
            return true;
        }

        // Full-width brackets and closing marks separate from Latin text; ASCII ones belong to the word ("f(x)", "13,418").
        return (c == CharClass.Opening && IsCjk(current)) || (p == CharClass.Closing && IsCjk(previous));
    }

    /// <summary>Text as drawn: tabs become spaces, CR and other control characters are dropped, LF stays.</summary>
    public static string Normalize(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\n')
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (c == '\n' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
