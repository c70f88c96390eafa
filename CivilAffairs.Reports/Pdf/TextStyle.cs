namespace CivilAffairs.Reports.Pdf;

/// <summary>
/// A text style: font size, weight, colour and line height. Immutable; each method returns a new
/// style. Unset values are inherited (span ← text default ← page default ← engine default:
/// 10 pt, regular, black, the font's own line height).
/// </summary>
public sealed class TextStyle
{
    private TextStyle(float? size, bool? bold, PdfColor? color, float? lineHeight)
    {
        Size = size;
        IsBold = bold;
        Color = color;
        LineHeightFactor = lineHeight;
    }

    /// <summary>A style that sets nothing (everything inherited).</summary>
    public static TextStyle Default { get; } = new(null, null, null, null);

    internal float? Size { get; }

    internal bool? IsBold { get; }

    internal PdfColor? Color { get; }

    internal float? LineHeightFactor { get; }

    /// <summary>Font size in points.</summary>
    public TextStyle FontSize(float size) =>
        size > 0 ? new(size, IsBold, Color, LineHeightFactor) : throw new ArgumentOutOfRangeException(nameof(size), "Font size must be positive.");

    /// <summary>Bold (simulated from the one Chinese face by PDFsharp) or regular.</summary>
    public TextStyle Bold(bool bold = true) => new(Size, bold, Color, LineHeightFactor);

    /// <summary>Text colour.</summary>
    public TextStyle FontColor(PdfColor color) => new(Size, IsBold, color, LineHeightFactor);

    /// <summary>Line height as a multiple of the font size (e.g. 1.5); by default the font's own (about 1.17 for WenQuanYi).</summary>
    public TextStyle LineHeight(float factor) =>
        factor > 0 ? new(Size, IsBold, Color, factor) : throw new ArgumentOutOfRangeException(nameof(factor), "Line height must be positive.");

    /// <summary>This style with the values it does not set taken from <paramref name="parent"/>.</summary>
    internal TextStyle Over(TextStyle parent) =>
        new(Size ?? parent.Size, IsBold ?? parent.IsBold, Color ?? parent.Color, LineHeightFactor ?? parent.LineHeightFactor);
}
