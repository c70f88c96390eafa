using System.Globalization;

namespace CivilAffairs.Reports.Pdf;

/// <summary>An opaque RGB colour.</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
public readonly record struct PdfColor(byte R, byte G, byte B)
{
    /// <summary>Parses "#RRGGBB" or "RRGGBB".</summary>
    /// <exception cref="FormatException">Not six hexadecimal digits.</exception>
    public static PdfColor FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith('#') ? hex[1..] : hex;
        if (digits.Length != 6 || !uint.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{hex}' is not a colour of the form #RRGGBB.");
        }

        return new PdfColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    /// <summary>The colour as "#RRGGBB".</summary>
    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}

/// <summary>The colours the bureau's reports use.</summary>
public static class PdfColors
{
    /// <summary>Text and rules.</summary>
    public static PdfColor Black { get; } = new(0, 0, 0);

    /// <summary>White.</summary>
    public static PdfColor White { get; } = new(255, 255, 255);

    /// <summary>Table borders, secondary text.</summary>
    public static PdfColor Grey { get; } = new(0x80, 0x80, 0x80);

    /// <summary>Grid lines of charts.</summary>
    public static PdfColor LightGrey { get; } = new(0xD9, 0xD9, 0xD9);

    /// <summary>Background of table header cells.</summary>
    public static PdfColor HeaderBackground { get; } = new(0xF2, 0xF2, 0xF2);

    /// <summary>The bureau's dark blue (titles, first chart series).</summary>
    public static PdfColor Blue { get; } = new(0x1F, 0x4E, 0x79);

    /// <summary>Targets and warnings.</summary>
    public static PdfColor Red { get; } = new(0xC0, 0x00, 0x00);

    /// <summary>Second chart series.</summary>
    public static PdfColor Orange { get; } = new(0xED, 0x7D, 0x31);

    /// <summary>Third chart series.</summary>
    public static PdfColor Green { get; } = new(0x54, 0x82, 0x35);

    /// <summary>The series colours of charts, in order.</summary>
    public static IReadOnlyList<PdfColor> ChartPalette { get; } =
        [Blue, Orange, Green, new(0x7F, 0x60, 0x84), new(0x2E, 0x75, 0xB6), new(0xBF, 0x90, 0x00)];
}
