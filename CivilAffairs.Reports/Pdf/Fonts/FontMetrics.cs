using System.Buffers.Binary;

namespace CivilAffairs.Reports.Pdf.Fonts;

/// <summary>
/// Advance widths and vertical metrics of one TrueType face, in em units (multiply by the font
/// size). Read from the same tables PDFsharp reads (cmap, hmtx, hhea), so what the layout measures
/// is what PDFsharp draws; BMP widths are precomputed into an array so measuring is a lookup, and
/// the object is immutable, so any number of documents can measure concurrently.
/// </summary>
internal sealed class FontMetrics
{
    private readonly float[] _bmpAdvance = new float[0x10000];
    private readonly bool[] _bmpHasGlyph = new bool[0x10000];
    private readonly CharacterMap _cmap;
    private readonly ushort[] _advances;
    private readonly float _unitsPerEm;

    private FontMetrics(byte[] sfnt, string path)
    {
        using var bytes = FontBytes.Of(sfnt);
        var directory = SfntDirectory.Read(bytes, 0, path);
        var head = directory.ReadTable(bytes, "head", path);
        var hhea = directory.ReadTable(bytes, "hhea", path);
        var hmtx = directory.ReadTable(bytes, "hmtx", path);
        _cmap = CharacterMap.Parse(directory.ReadTable(bytes, "cmap", path));

        _unitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(18));
        Ascent = BinaryPrimitives.ReadInt16BigEndian(hhea.AsSpan(4)) / _unitsPerEm;
        Descent = -BinaryPrimitives.ReadInt16BigEndian(hhea.AsSpan(6)) / _unitsPerEm;
        LineGap = BinaryPrimitives.ReadInt16BigEndian(hhea.AsSpan(8)) / _unitsPerEm;
        var metricsCount = BinaryPrimitives.ReadUInt16BigEndian(hhea.AsSpan(34));
        _advances = new ushort[Math.Max((int)metricsCount, 1)];
        for (var i = 0; i < metricsCount && (4 * i) + 2 <= hmtx.Length; i++)
        {
            _advances[i] = BinaryPrimitives.ReadUInt16BigEndian(hmtx.AsSpan(4 * i));
        }

        Array.Fill(_bmpAdvance, GlyphAdvance(0));
        _cmap.ForEachBmpMapping((c, glyph) =>
        {
            _bmpAdvance[c] = GlyphAdvance(glyph);
            _bmpHasGlyph[c] = true;
        });
    }

    /// <summary>Distance from the baseline to the top of the line box (hhea ascender), in em.</summary>
    public float Ascent { get; }

    /// <summary>Distance from the baseline to the bottom of the line box (hhea descender, positive), in em.</summary>
    public float Descent { get; }

    /// <summary>Extra space the font asks for between lines, in em.</summary>
    public float LineGap { get; }

    /// <summary>The font's own line height (ascent + descent + gap), in em.</summary>
    public float NaturalLineHeight => Ascent + Descent + LineGap;

    public static FontMetrics Read(byte[] sfnt, string path) => new(sfnt, path);

    /// <summary>Advance width of a character in em; .notdef's width when the font lacks it (as PDFsharp does).</summary>
    public float Advance(int codePoint) =>
        (uint)codePoint <= 0xFFFF ? _bmpAdvance[codePoint] : GlyphAdvance(_cmap.GlyphIndex(codePoint));

    public bool HasGlyph(int codePoint) =>
        (uint)codePoint <= 0xFFFF ? _bmpHasGlyph[codePoint] : _cmap.GlyphIndex(codePoint) != 0;

    private float GlyphAdvance(int glyph) => _advances[Math.Min(glyph, _advances.Length - 1)] / _unitsPerEm;
}
